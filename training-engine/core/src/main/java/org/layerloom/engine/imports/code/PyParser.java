package org.layerloom.engine.imports.code;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A recursive-descent parser for the Python subset that describes models: imports, assignments and calls
 * with numbers, strings, lists, tuples, attributes and simple arithmetic. Anything else (classes, functions,
 * loops, conditions, lambdas, dictionaries) becomes a problem with its line and column; the parser then
 * skips that statement, or the whole indented block under it, and goes on. One instance per text; not
 * thread-safe.
 */
final class PyParser {

    /** What Python statements outside the subset are, and what to do instead. */
    private static final Map<String, String[]> OUTSIDE = Map.ofEntries(
            Map.entry("class", new String[] {"A class definition is outside the code LayerLoom reads.",
                    "Write the layers as nn.Sequential(nn.Linear(...), nn.ReLU(), ...) or keras.Sequential([...])."}),
            Map.entry("def", new String[] {"A function definition is outside the code LayerLoom reads.",
                    "Paste the lines that build the model without the def around them."}),
            Map.entry("for", new String[] {"A for loop is outside the code LayerLoom reads.",
                    "Write each layer out one after another; leave a training loop out and set the epochs in"
                            + " model.fit(...) or in the Train area."}),
            Map.entry("while", new String[] {"A while loop is outside the code LayerLoom reads.",
                    "Write each layer out one after another."}),
            Map.entry("if", new String[] {"A condition (if) is outside the code LayerLoom reads.",
                    "Keep only the lines of the branch you want, without the if."}),
            Map.entry("elif", new String[] {"A condition (elif) is outside the code LayerLoom reads.",
                    "Keep only the lines of the branch you want."}),
            Map.entry("else", new String[] {"An else branch is outside the code LayerLoom reads.",
                    "Keep only the lines of the branch you want."}),
            Map.entry("with", new String[] {"A with block is outside the code LayerLoom reads.",
                    "Paste the lines inside it without the with line, and without their indentation."}),
            Map.entry("try", new String[] {"A try block is outside the code LayerLoom reads.",
                    "Paste the lines inside it without the try line, and without their indentation."}),
            Map.entry("except", new String[] {"An except block is outside the code LayerLoom reads.",
                    "Leave error handling out of the pasted code."}),
            Map.entry("finally", new String[] {"A finally block is outside the code LayerLoom reads.",
                    "Leave it out of the pasted code."}),
            Map.entry("return", new String[] {"A return statement only makes sense inside a function.",
                    "Assign the model to a name instead: model = ..."}),
            Map.entry("async", new String[] {"Asynchronous code is outside the code LayerLoom reads.",
                    "Paste only the lines that build the model."}),
            Map.entry("lambda", new String[] {"A lambda is outside the code LayerLoom reads.",
                    "Use a built-in layer such as Dense or Activation('relu') instead."}),
            Map.entry("global", new String[] {"A global statement is outside the code LayerLoom reads.",
                    "Leave it out."}),
            Map.entry("del", new String[] {"A del statement is outside the code LayerLoom reads.", "Leave it out."}),
            Map.entry("assert", new String[] {"An assert is outside the code LayerLoom reads.", "Leave it out."}),
            Map.entry("raise", new String[] {"A raise statement is outside the code LayerLoom reads.", "Leave it out."}),
            Map.entry("yield", new String[] {"A yield is outside the code LayerLoom reads.", "Leave it out."}));

    private final List<PyToken> tokens;
    private final List<CodeProblem> problems = new ArrayList<>();
    private int at;

    PyParser(List<PyToken> tokens) {
        this.tokens = tokens;
    }

    /**
     * Parses {@code text}: its statements and the problems of the tokenizer and the parser, in order; the
     * parser's problems on a line the tokenizer already reported are left out, as they follow from it.
     */
    static ParsedCode parse(String text) {
        PyTokenizer tokenizer = new PyTokenizer(text);
        PyParser parser = new PyParser(tokenizer.tokens());
        List<PyStatement> statements = parser.statements();
        List<CodeProblem> all = new ArrayList<>(tokenizer.problems());
        java.util.Set<Integer> badLines = new java.util.HashSet<>();
        tokenizer.problems().forEach(p -> badLines.add(p.line()));
        parser.problems.stream().filter(p -> !badLines.contains(p.line())).forEach(all::add);
        all.sort(java.util.Comparator.comparingInt(CodeProblem::line).thenComparingInt(CodeProblem::column));
        return new ParsedCode(statements, all);
    }

    private List<PyStatement> statements() {
        List<PyStatement> statements = new ArrayList<>();
        while (peek().type() != PyToken.Type.END) {
            PyToken first = peek();
            if (first.type() == PyToken.Type.NEWLINE) {
                at++;
                continue;
            }
            if (first.type() == PyToken.Type.INDENT) {
                problem(first, "This line is indented, but no block that LayerLoom reads comes before it.",
                        "Remove the spaces at the start of the line.");
                skipBlock();
                continue;
            }
            if (first.type() == PyToken.Type.NAME && OUTSIDE.containsKey(first.text())) {
                String[] words = OUTSIDE.get(first.text());
                problem(first, words[0], words[1]);
                skipStatement();
                skipBlock();
                continue;
            }
            try {
                statements.add(statement());
                if (peek().isOp(";")) {
                    at++;
                } else if (peek().isOp(")") || peek().isOp("]") || peek().isOp("}")) {
                    throw fail(peek(), "This closing '" + peek().text() + "' has no opening bracket.",
                            "Remove it, or add the missing opening bracket.");
                } else {
                    expect(PyToken.Type.NEWLINE, "Something follows the end of this statement.",
                            "Put each statement on its own line.");
                }
            } catch (SyntaxProblem problem) {
                problems.add(problem.problem);
                skipStatement();
            }
        }
        return statements;
    }

    private PyStatement statement() {
        PyToken first = peek();
        if (first.is(PyToken.Type.NAME, "import") || first.is(PyToken.Type.NAME, "from")) {
            at++;
            StringBuilder module = new StringBuilder();
            while (peek().type() == PyToken.Type.NAME || peek().isOp(".")) {
                PyToken part = next();
                if (part.text().equals("import") || part.text().equals("as")) {
                    module.append(' ');
                }
                module.append(part.text());
                if (part.text().equals("import") || part.text().equals("as")) {
                    module.append(' ');
                }
                if (peek().isOp(",") || peek().isOp("(") || peek().isOp(")") || peek().isOp("*")) {
                    module.append(next().text());
                }
            }
            return new PyStatement.Import(module.toString().trim(), first.pos());
        }
        if (first.is(PyToken.Type.NAME, "pass")) {
            at++;
            return new PyStatement.Expression(new PyExpr.Name("None", first.pos()), first.pos());
        }
        PyExpr value = expressionList();
        List<PyExpr> targets = new ArrayList<>();
        while (peek().isOp("=")) {
            at++;
            targets.add(value);
            value = expressionList();
        }
        if (peek().type() == PyToken.Type.OP && peek().text().length() >= 2 && peek().text().endsWith("=")
                && !peek().text().equals("==")) {
            throw fail(peek(), "An update such as '" + peek().text() + "' is outside the code LayerLoom reads.",
                    "Write the value itself: x = 64.");
        }
        for (PyExpr target : targets) {
            checkTarget(target);
        }
        return targets.isEmpty() ? new PyStatement.Expression(value, first.pos())
                : new PyStatement.Assign(targets, value, first.pos());
    }

    private void checkTarget(PyExpr target) {
        if (target instanceof PyExpr.Sequence seq) {
            seq.items().forEach(this::checkTarget);
        } else if (!(target instanceof PyExpr.Name) && !(target instanceof PyExpr.Attr)
                && !(target instanceof PyExpr.Subscript)) {
            throw new SyntaxProblem(CodeProblem.at(target.pos(), "Python cannot assign to this.",
                    "Put a name on the left of '=', such as model = ..."));
        }
    }

    private PyExpr expressionList() {
        PyExpr first = expression();
        if (!peek().isOp(",")) {
            return first;
        }
        List<PyExpr> items = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            at++;
            if (startsExpression()) {
                items.add(expression());
            }
        }
        return new PyExpr.Sequence(items, true, first.pos());
    }

    private PyExpr expression() {
        PyExpr left = term();
        while (peek().isOp("+") || peek().isOp("-")) {
            PyToken op = next();
            left = new PyExpr.Binary(left, op.text(), term(), op.pos());
        }
        rejectOutsideOperators();
        return left;
    }

    private void rejectOutsideOperators() {
        PyToken token = peek();
        if (token.type() == PyToken.Type.NAME && List.of("if", "and", "or", "in", "is", "not", "for").contains(token.text())) {
            throw fail(token, "'" + token.text() + "' in an expression is outside the code LayerLoom reads.",
                    "Write the value itself.");
        }
        if (token.type() == PyToken.Type.OP && List.of("==", "!=", "<", ">", "<=", ">=", "**", "&", "|", "^", "@",
                "<<", ">>", ":=").contains(token.text())) {
            throw fail(token, "The operator '" + token.text() + "' is outside the code LayerLoom reads.",
                    "Write the value itself.");
        }
    }

    private PyExpr term() {
        PyExpr left = unary();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isOp("%")) {
            PyToken op = next();
            left = new PyExpr.Binary(left, op.text(), unary(), op.pos());
        }
        return left;
    }

    private PyExpr unary() {
        if (peek().isOp("-") || peek().isOp("+")) {
            PyToken op = next();
            PyExpr operand = unary();
            return op.text().equals("+") ? operand
                    : new PyExpr.Binary(new PyExpr.Num(0, true, op.pos()), "-", operand, op.pos());
        }
        return postfix(atom());
    }

    private PyExpr postfix(PyExpr expr) {
        while (true) {
            PyToken token = peek();
            if (token.isOp("(")) {
                at++;
                expr = call(expr, token);
            } else if (token.isOp(".")) {
                at++;
                PyToken name = expect(PyToken.Type.NAME, "A name must follow the dot.", "Write it like layers.Dense.");
                expr = new PyExpr.Attr(expr, name.text(), name.pos());
            } else if (token.isOp("[")) {
                at++;
                skipUntilClosed("]");
                expr = new PyExpr.Subscript(expr, token.pos());
            } else {
                return expr;
            }
        }
    }

    private PyExpr call(PyExpr callee, PyToken open) {
        List<PyExpr> args = new ArrayList<>();
        List<PyExpr.Keyword> keywords = new ArrayList<>();
        while (!peek().isOp(")")) {
            PyToken token = peek();
            if (token.type() == PyToken.Type.END || token.type() == PyToken.Type.NEWLINE) {
                throw fail(open, "This bracket '(' is never closed.", "Add ')' at the end of the call.");
            }
            if (token.isOp("*") || token.isOp("**")) {
                throw fail(token, "Unpacking arguments with '" + token.text() + "' is outside the code LayerLoom reads.",
                        "Write each argument out.");
            }
            if (token.type() == PyToken.Type.NAME && peekAt(1).isOp("=")) {
                at += 2;
                keywords.add(new PyExpr.Keyword(token.text(), expression(), token.pos()));
            } else {
                if (!keywords.isEmpty()) {
                    throw fail(token, "A positional argument follows a keyword argument.",
                            "Put positional arguments first, as Python requires.");
                }
                args.add(expression());
            }
            if (peek().isOp(",")) {
                at++;
            } else if (peek().type() == PyToken.Type.END || peek().type() == PyToken.Type.NEWLINE) {
                throw fail(open, "This bracket '(' is never closed.", "Add ')' at the end of the call.");
            } else if (!peek().isOp(")")) {
                throw fail(peek(), "A ',' or ')' is missing here.", "Separate arguments with commas and close the call.");
            }
        }
        at++;
        return new PyExpr.Call(callee, args, keywords, callee.pos());
    }

    private PyExpr atom() {
        PyToken token = next();
        switch (token.type()) {
            case NAME -> {
                if (OUTSIDE.containsKey(token.text()) || token.text().equals("not") || token.text().equals("import")) {
                    String[] words = OUTSIDE.getOrDefault(token.text(),
                            new String[] {"'" + token.text() + "' cannot stand here.", "Write a value or a call."});
                    throw fail(token, words[0], words[1]);
                }
                return new PyExpr.Name(token.text(), token.pos());
            }
            case NUMBER -> {
                return number(token);
            }
            case STRING -> {
                if (token.text().startsWith(PyTokenizer.FORMATTED)) {
                    return new PyExpr.Formatted(token.pos());
                }
                StringBuilder value = new StringBuilder(token.text());
                while (peek().type() == PyToken.Type.STRING) {
                    value.append(next().text());
                }
                return new PyExpr.Str(value.toString(), token.pos());
            }
            case OP -> {
                return bracketed(token);
            }
            default -> throw fail(token, token.type() == PyToken.Type.END || token.type() == PyToken.Type.NEWLINE
                            ? "The statement ends too early: a value is missing." : "A value is missing here.",
                    "Complete the statement, for example model = keras.Sequential([...]).");
        }
    }

    private PyExpr bracketed(PyToken open) {
        if (open.isOp("(") || open.isOp("[")) {
            String close = open.isOp("(") ? ")" : "]";
            List<PyExpr> items = new ArrayList<>();
            boolean comma = false;
            while (!peek().isOp(close)) {
                if (peek().type() == PyToken.Type.END || peek().type() == PyToken.Type.NEWLINE) {
                    throw fail(open, "This bracket '" + open.text() + "' is never closed.", "Add '" + close + "'.");
                }
                items.add(expression());
                if (peek().isOp(",")) {
                    at++;
                    comma = true;
                } else if (peek().type() == PyToken.Type.END || peek().type() == PyToken.Type.NEWLINE) {
                    throw fail(open, "This bracket '" + open.text() + "' is never closed.", "Add '" + close + "'.");
                } else if (!peek().isOp(close)) {
                    throw fail(peek(), "A ',' or '" + close + "' is missing here.",
                            "Separate the items with commas and close the bracket.");
                }
            }
            at++;
            if (open.isOp("(") && items.size() == 1 && !comma) {
                return items.get(0);
            }
            return new PyExpr.Sequence(items, open.isOp("("), open.pos());
        }
        if (open.isOp("{")) {
            throw fail(open, "A dictionary or set is outside the code LayerLoom reads.",
                    "Pass each setting as a keyword argument instead.");
        }
        if (open.isOp(")") || open.isOp("]") || open.isOp("}")) {
            throw fail(open, "This closing '" + open.text() + "' has no opening bracket.", "Remove it, or add the"
                    + " missing opening bracket.");
        }
        throw fail(open, "'" + open.text() + "' cannot start a value.", "Write a number, a string, a name or a call.");
    }

    private PyExpr number(PyToken token) {
        String text = token.text().toLowerCase(java.util.Locale.ROOT);
        try {
            if (text.startsWith("0x")) {
                return new PyExpr.Num(Long.parseLong(text.substring(2), 16), true, token.pos());
            }
            if (text.endsWith("j")) {
                throw fail(token, "Complex numbers have no place in a model's settings.", "Use a real number.");
            }
            boolean integral = !text.contains(".") && !text.contains("e");
            return new PyExpr.Num(Double.parseDouble(text), integral, token.pos());
        } catch (NumberFormatException e) {
            throw fail(token, "'" + token.text() + "' is not a number Python understands.", "Write it like 64 or 0.001.");
        }
    }

    private boolean startsExpression() {
        PyToken token = peek();
        return token.type() == PyToken.Type.NAME || token.type() == PyToken.Type.NUMBER
                || token.type() == PyToken.Type.STRING || token.isOp("(") || token.isOp("[") || token.isOp("-")
                || token.isOp("+") || token.isOp("{");
    }

    private void skipUntilClosed(String close) {
        int depth = 1;
        while (peek().type() != PyToken.Type.END && peek().type() != PyToken.Type.NEWLINE) {
            PyToken token = next();
            if (token.isOp("(") || token.isOp("[") || token.isOp("{")) {
                depth++;
            } else if (token.isOp(")") || token.isOp("]") || token.isOp("}")) {
                depth--;
                if (depth == 0) {
                    return;
                }
            }
        }
        throw new SyntaxProblem(CodeProblem.at(peek().pos(), "A '" + close + "' is missing.", "Close the bracket."));
    }

    private void skipStatement() {
        while (peek().type() != PyToken.Type.END && peek().type() != PyToken.Type.NEWLINE) {
            at++;
        }
        if (peek().type() == PyToken.Type.NEWLINE) {
            at++;
        }
    }

    /** Skips the indented lines that follow, which belong to a block already reported. */
    private void skipBlock() {
        while (peek().type() == PyToken.Type.INDENT) {
            at++;
            skipStatement();
        }
    }

    private PyToken peek() {
        return tokens.get(at);
    }

    private PyToken peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private PyToken next() {
        PyToken token = tokens.get(at);
        if (token.type() != PyToken.Type.END) {
            at++;
        }
        return token;
    }

    private PyToken expect(PyToken.Type type, String message, String suggestion) {
        if (peek().type() != type) {
            throw fail(peek(), message, suggestion);
        }
        return next();
    }

    private void problem(PyToken at, String message, String suggestion) {
        problems.add(CodeProblem.at(at.pos(), message, suggestion));
    }

    private static SyntaxProblem fail(PyToken at, String message, String suggestion) {
        return new SyntaxProblem(CodeProblem.at(at.pos(), message, suggestion));
    }

    /** Unwinds the parse of one statement to the statement loop, which records the problem. */
    private static final class SyntaxProblem extends RuntimeException {
        private final transient CodeProblem problem;

        SyntaxProblem(CodeProblem problem) {
            super(problem.message(), null, false, false);
            this.problem = problem;
        }
    }
}
