package io.policyauth.resource;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A condition on a kind's resources, as a small tree: an operation over operands, an attribute of
 * the resource, or a value. Operators are an engine's query-plan operators ({@code eq}, {@code ne},
 * {@code lt}, {@code le}, {@code gt}, {@code ge}, {@code in}, {@code and}, {@code or}, {@code not},
 * {@code exists}); attributes are named as policies name them.
 */
public sealed interface FilterExpression {

    /**
     * @param operator the operator
     * @param operands its operands, in order
     */
    record Operation(String operator, List<FilterExpression> operands) implements FilterExpression {

        public Operation {
            Objects.requireNonNull(operator, "operator");
            operands = List.copyOf(operands);
        }
    }

    /**
     * @param attribute a resource attribute, as policies name it ({@code owner})
     */
    record Attribute(String attribute) implements FilterExpression {

        public Attribute {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    /**
     * @param value a constant: a string, number, boolean, list or {@code null}
     */
    record Value(@Nullable Object value) implements FilterExpression {
    }
}
