package shopkb.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks one entry's fields and its references to intents and products.
 *
 * <p>Used by the loader for files and, with the same rules, by anything that writes entries.
 */
public final class ContentValidator {

    /** Readable, file-name-safe ids: lower-case letters, digits, dot, dash, underscore. */
    public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{1,99}");
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{1,31}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");
    private static final Pattern PLACEHOLDER_NAME = Pattern.compile("[\\p{IsHan}A-Za-z0-9_]{1,20}");
    private static final Pattern SHORTCUT = Pattern.compile("/[a-z0-9]{1,12}");

    /** Limits that keep one entry from swamping search or the agent's screen. */
    public static final int MAX_TITLE_CHARS = 200;
    public static final int MAX_TEXT_CHARS = 5000;
    public static final int MAX_LIST_ITEMS = 200;

    private final Set<String> intentIds;
    private final Set<String> productCodes;

    /**
     * @param intentIds the intents entries may point at
     * @param productCodes the product codes FAQ entries may point at
     */
    public ContentValidator(Set<String> intentIds, Set<String> productCodes) {
        this.intentIds = Set.copyOf(intentIds);
        this.productCodes = Set.copyOf(productCodes);
    }

    public static List<FieldProblem> validateIntent(Intent intent) {
        var problems = new ArrayList<FieldProblem>();
        checkId(intent.id(), problems);
        required("scenario", intent.scenario(), problems);
        required("question", intent.question(), problems);
        return problems;
    }

    public List<FieldProblem> validate(Entry entry) {
        var problems = new ArrayList<FieldProblem>();
        checkId(entry.id(), problems);
        switch (entry) {
            case FaqEntry faq -> validateFaq(faq, problems);
            case PhrasingEntry phrasing -> validatePhrasing(phrasing, problems);
            case PolicyEntry policy -> validatePolicy(policy, problems);
            case ProductEntry product -> validateProduct(product, problems);
        }
        return problems;
    }

    private void validateFaq(FaqEntry faq, List<FieldProblem> problems) {
        requiredIntent("intent", faq.intent(), problems);
        required("scenario", faq.scenario(), problems);
        required("question", faq.question(), problems);
        required("answer", faq.answer(), problems);
        maxChars("question", faq.question(), MAX_TITLE_CHARS, problems);
        maxChars("answer", faq.answer(), MAX_TEXT_CHARS, problems);
        maxChars("note", faq.note(), MAX_TEXT_CHARS, problems);
        maxItems("similar", faq.similar(), problems);
        maxItems("negatives", faq.negatives(), problems);
        maxItems("tags", faq.tags(), problems);
        for (int i = 0; i < faq.similar().size(); i++) {
            maxChars("similar[" + i + "]", faq.similar().get(i), MAX_TITLE_CHARS, problems);
        }
        noBlankItems("similar", faq.similar(), problems);
        noBlankItems("negatives", faq.negatives(), problems);
        noBlankItems("tags", faq.tags(), problems);
        for (int i = 0; i < faq.products().size(); i++) {
            String code = faq.products().get(i);
            if (!productCodes.contains(code)) {
                problems.add(new FieldProblem("products[" + i + "]", "unknown product code '" + code + "'"));
            }
        }
    }

    private void validatePhrasing(PhrasingEntry phrasing, List<FieldProblem> problems) {
        optionalIntent("intent", phrasing.intent(), problems);
        required("scenario", phrasing.scenario(), problems);
        required("title", phrasing.title(), problems);
        if (required("text", phrasing.text(), problems)) {
            checkPlaceholders(phrasing.text(), problems);
        }
        maxChars("title", phrasing.title(), MAX_TITLE_CHARS, problems);
        maxChars("text", phrasing.text(), MAX_TEXT_CHARS, problems);
        maxChars("whenToUse", phrasing.whenToUse(), MAX_TITLE_CHARS, problems);
        maxItems("replaces", phrasing.replaces(), problems);
        noBlankItems("replaces", phrasing.replaces(), problems);
        noBlankItems("tags", phrasing.tags(), problems);
        if (phrasing.shortcut() != null && !SHORTCUT.matcher(phrasing.shortcut()).matches()) {
            problems.add(new FieldProblem("shortcut", "must be '/' and 1-12 lower-case letters or digits, e.g. /wl"));
        }
    }

    private void validatePolicy(PolicyEntry policy, List<FieldProblem> problems) {
        required("title", policy.title(), problems);
        required("scenario", policy.scenario(), problems);
        noBlankItems("tags", policy.tags(), problems);
        maxChars("title", policy.title(), MAX_TITLE_CHARS, problems);
        if (policy.sections().size() > MAX_LIST_ITEMS) {
            problems.add(new FieldProblem("sections", "at most " + MAX_LIST_ITEMS + " sections"));
        }
        if (policy.sections().isEmpty()) {
            problems.add(new FieldProblem("sections", "a policy needs at least one section"));
        }
        for (int i = 0; i < policy.sections().size(); i++) {
            PolicySection section = policy.sections().get(i);
            String at = "sections[" + i + "].";
            if (section == null) {
                problems.add(new FieldProblem("sections[" + i + "]", "empty section"));
                continue;
            }
            required(at + "heading", section.heading(), problems);
            required(at + "text", section.text(), problems);
            maxChars(at + "text", section.text(), MAX_TEXT_CHARS, problems);
            optionalIntent(at + "intent", section.intent(), problems);
        }
    }

    private void validateProduct(ProductEntry product, List<FieldProblem> problems) {
        if (required("code", product.code(), problems) && !PRODUCT_CODE.matcher(product.code()).matches()) {
            problems.add(new FieldProblem("code", "must be letters, digits and dashes, e.g. 1712-102"));
        }
        required("name", product.name(), problems);
        maxChars("name", product.name(), MAX_TITLE_CHARS, problems);
        if (product.attributes().size() > MAX_LIST_ITEMS) {
            problems.add(new FieldProblem("attributes", "at most " + MAX_LIST_ITEMS + " attributes"));
        }
        required("scenario", product.scenario(), problems);
        product.attributes().forEach((key, value) -> {
            if (key.isBlank() || value == null || value.isBlank()) {
                problems.add(new FieldProblem("attributes." + key, "attribute needs a name and a value"));
            }
        });
        noBlankItems("tags", product.tags(), problems);
    }

    /**
     * Characters that cannot be stored faithfully or do not belong in shop text, in every field: control
     * characters (a tab or line break is fine in text, not inside one list item), unpaired surrogates (they
     * were saved as '?' in memory and as another character on disk) and U+FFFD, what invalid UTF-8 decodes to.
     * Files on disk cannot hold these (the YAML reader refuses them); edits and imports are checked here.
     */
    public static List<FieldProblem> textProblems(Entry entry) {
        var problems = new ArrayList<FieldProblem>();
        walkText(ContentFormat.mapper().valueToTree(entry), "", problems);
        return problems;
    }

    private static void walkText(com.fasterxml.jackson.databind.JsonNode node, String path, List<FieldProblem> problems) {
        if (node.isTextual()) {
            String problem = oddCharacter(node.asText(), path.endsWith("]"));
            if (problem != null) {
                problems.add(new FieldProblem(path, problem));
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walkText(node.get(i), path + "[" + i + "]", problems);
            }
        } else if (node.isObject()) {
            node.properties().forEach(field -> walkText(field.getValue(),
                    path.isEmpty() ? field.getKey() : path + "." + field.getKey(), problems));
        }
    }

    private static String oddCharacter(String text, boolean listItem) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean breakOrTab = c == '\n' || c == '\r' || c == '\t';
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (!paired) {
                    return String.format("contains an unpaired surrogate U+%04X at character %d (not valid Unicode text)", (int) c, i + 1);
                }
                i++;
            } else if (c == '\uFFFD') {
                return "contains U+FFFD at character " + (i + 1) + ": the text was not valid UTF-8";
            } else if (Character.isISOControl(c) && (!breakOrTab || listItem)) {
                return String.format("contains the control character U+%04X at character %d", (int) c, i + 1)
                        + (breakOrTab ? " (one item per entry, without line breaks)" : "");
            }
        }
        return null;
    }

    private static void checkId(String id, List<FieldProblem> problems) {
        if (required("id", id, problems) && !ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must be 2-100 of a-z 0-9 . _ - and start with a letter or digit"));
        }
    }

    private static boolean required(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "required and must not be empty"));
            return false;
        }
        return true;
    }

    private static void maxChars(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "at most " + max + " characters, got " + value.length()));
        }
    }

    private static void maxItems(String field, List<String> values, List<FieldProblem> problems) {
        if (values.size() > MAX_LIST_ITEMS) {
            problems.add(new FieldProblem(field, "at most " + MAX_LIST_ITEMS + " items, got " + values.size()));
        }
    }

    private static void noBlankItems(String field, List<String> values, List<FieldProblem> problems) {
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).isBlank()) {
                problems.add(new FieldProblem(field + "[" + i + "]", "must not be empty"));
            }
        }
    }

    private void requiredIntent(String field, String intent, List<FieldProblem> problems) {
        if (required(field, intent, problems)) {
            optionalIntent(field, intent, problems);
        }
    }

    private void optionalIntent(String field, String intent, List<FieldProblem> problems) {
        if (intent != null && !intentIds.contains(intent)) {
            problems.add(new FieldProblem(field, "unknown intent '" + intent + "' (declare it under intents/)"));
        }
    }

    private static void checkPlaceholders(String text, List<FieldProblem> problems) {
        var matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            if (!PLACEHOLDER_NAME.matcher(matcher.group(1)).matches()) {
                problems.add(new FieldProblem("text", "bad placeholder '" + matcher.group() + "': use a name such as {客服昵称}"));
            }
        }
        String withoutPlaceholders = matcher.replaceAll("");
        if (withoutPlaceholders.indexOf('{') >= 0 || withoutPlaceholders.indexOf('}') >= 0) {
            problems.add(new FieldProblem("text", "unbalanced { or } in placeholders"));
        }
    }
}
