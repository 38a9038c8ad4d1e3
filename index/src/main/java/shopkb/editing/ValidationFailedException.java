package shopkb.editing;

import java.util.List;
import shopkb.content.FieldProblem;

/** An entry was refused: each problem names the field and what is wrong with it. */
public final class ValidationFailedException extends RuntimeException {

    private final List<FieldProblem> problems;

    public ValidationFailedException(List<FieldProblem> problems) {
        super(problems.size() + " problem(s): " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
