/**
 * Import and export of content: JSON Lines for every entry type, spreadsheets (.xlsx, CSV in UTF-8 or GB18030) for
 * FAQ entries, with a dry-run report.
 */
package shopkb.transfer;
