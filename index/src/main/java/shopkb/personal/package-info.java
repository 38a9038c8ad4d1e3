/**
 * Agents' own phrasings (个人快捷短语) and their suggestions to the team. {@link shopkb.personal.PersonalPhrasings} is
 * the one owner of a shop's {@code personal/} folder: each agent's phrasings written atomically and forced, with their
 * history, and the suggestions as a forced append-only log (over a cluster, through the shop's shared file home, the
 * folder being its mirror); nothing in it is shown to anyone but its owner, except what the owner suggests to the
 * shop's editors. Search finds own phrasings beside the team's ({@code SearchService.matchOwn}); they are never logged.
 */
package shopkb.personal;
