package io.github.nst4j.cli.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Stack;
import picocli.CommandLine.IParameterPreprocessor;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Takes a comma-separated list of numbers that starts with a minus ({@code -1,2}) for a
 * {@code List<Double>} option: picocli would read it as an unknown option, and the user would never
 * hear the library's real complaint (weights must be positive). Any other value is left to picocli.
 */
public final class NumberListPreprocessor implements IParameterPreprocessor {
    @Override
    public boolean preprocess(Stack<String> args, CommandSpec commandSpec, ArgSpec argSpec, Map<String, Object> info) {
        if (args.isEmpty() || !args.peek().startsWith("-")) {
            return false;
        }
        List<Double> numbers = new ArrayList<>();
        for (String part : args.peek().split(",", -1)) {
            try {
                numbers.add(Double.valueOf(part.trim()));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        args.pop();
        argSpec.setValue(numbers);
        return true;
    }
}
