package shopkb.indexing;

import java.util.List;

/**
 * What a search by words asks of the units, engine-neutral: built once by the query building of {@code shopkb.search}
 * (which decides clauses, fields and boosts), translated by each engine into its own query. Every clause is an exact
 * term of an analysed field (the message is never query syntax). A unit's score is the sum, over the clauses it matches,
 * of the term's BM25 score (k1 1.2, b 0.75) times its boost; a {@link BestOf} clause counts its best alternative only.
 *
 * @param clauses a unit must match at least one; none: nothing matches
 * @param types entry types (folder names, e.g. {@code faq}) a unit must be one of; empty: any
 * @param scenario the scenario a unit must have; null: any
 */
public record UnitQuery(List<Clause> clauses, List<String> types, String scenario) {

    /** Matches nothing: for a search that only wants term statistics. */
    public static final UnitQuery NOTHING = new UnitQuery(List.of(), List.of(), null);

    public UnitQuery {
        clauses = List.copyOf(clauses);
        types = List.copyOf(types);
    }

    /** A scored part of the query. */
    public sealed interface Clause permits Term, BestOf {
    }

    /** The exact {@code text} in {@code field} (a keyword field or an analysed term), weighted by {@code boost}. */
    public record Term(String field, String text, float boost) implements Clause {
    }

    /** The best-scoring of several terms (a concept's synonyms count once, not once per synonym). */
    public record BestOf(List<Term> alternatives) implements Clause {

        public BestOf {
            alternatives = List.copyOf(alternatives);
        }
    }
}
