package io.policyauth.resource.mongo;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.mongodb.core.query.Criteria;

import io.policyauth.resource.FilterExpression;
import io.policyauth.resource.ResourceFilter;

/**
 * Turns an engine's plan into the {@link Criteria} of one MongoDB query that selects exactly the
 * resources the plan allows: always-allowed adds nothing, always-denied matches nothing, and a
 * condition is translated operator by operator ({@code eq}, {@code ne}, {@code lt}, {@code le},
 * {@code gt}, {@code ge}, {@code in} for membership of a value in a list attribute or of an
 * attribute in a list value, {@code and}, {@code or}, {@code not}, {@code exists} of an attribute, a
 * boolean attribute or value).
 * Attributes are named as policies name them and mapped to document fields per kind. Anything else
 * throws {@link UntranslatableFilterException}: a list is never returned unfiltered.
 */
public final class MongoResourceFilters {

    private final Map<String, Map<String, String>> fieldsByKind;

    /**
     * @param fieldsByKind per kind, each attribute's document field ({@code owner} to {@code ownerId})
     */
    public MongoResourceFilters(Map<String, Map<String, String>> fieldsByKind) {
        Map<String, Map<String, String>> copy = new HashMap<>();
        fieldsByKind.forEach((kind, fields) -> copy.put(kind, Map.copyOf(fields)));
        this.fieldsByKind = Map.copyOf(copy);
    }

    /**
     * @param filter a plan for some resources of a kind
     * @param kind the kind, whose fields the attributes map to
     * @return the criteria selecting exactly the resources it allows
     * @throws UntranslatableFilterException for an operator or attribute that cannot be translated
     */
    public Criteria toCriteria(ResourceFilter filter, String kind) {
        Map<String, String> fields = fieldsByKind.get(kind);
        if (fields == null) {
            throw new UntranslatableFilterException("No fields are configured for kind '" + kind
                    + "' (policy-auth.resources.kinds." + kind + ".fields)");
        }
        if (filter instanceof ResourceFilter.Always always) {
            return always.allowed() ? new Criteria() : nothing();
        }
        return translate(((ResourceFilter.Conditional) filter).condition(), fields);
    }

    private Criteria translate(FilterExpression expression, Map<String, String> fields) {
        if (expression instanceof FilterExpression.Attribute attribute) {
            return Criteria.where(field(attribute, fields)).is(true);
        }
        if (expression instanceof FilterExpression.Value value) {
            if (value.value() instanceof Boolean constant) {
                return constant ? new Criteria() : nothing();
            }
            throw new UntranslatableFilterException("A plan condition that is the value " + value.value());
        }
        FilterExpression.Operation operation = (FilterExpression.Operation) expression;
        List<FilterExpression> operands = operation.operands();
        return switch (operation.operator()) {
            case "and" -> new Criteria().andOperator(operands.stream().map(operand -> translate(operand, fields))
                    .toList());
            case "or" -> new Criteria().orOperator(operands.stream().map(operand -> translate(operand, fields))
                    .toList());
            case "not" -> new Criteria().norOperator(translate(single(operation), fields));
            case "eq", "ne", "lt", "le", "gt", "ge" -> comparison(operation, fields);
            case "in" -> membership(operation, fields);
            case "exists" -> exists(operation, fields);
            default -> throw new UntranslatableFilterException("The plan operator '" + operation.operator()
                    + "' cannot be translated to a MongoDB query");
        };
    }

    private Criteria comparison(FilterExpression.Operation operation, Map<String, String> fields) {
        List<FilterExpression> operands = pair(operation);
        boolean attributeFirst = operands.get(0) instanceof FilterExpression.Attribute;
        FilterExpression attribute = operands.get(attributeFirst ? 0 : 1);
        FilterExpression value = operands.get(attributeFirst ? 1 : 0);
        if (!(attribute instanceof FilterExpression.Attribute named) || !(value instanceof FilterExpression.Value v)) {
            throw new UntranslatableFilterException("The plan compares " + operands + ": only an attribute with a "
                    + "value can be translated");
        }
        Criteria field = Criteria.where(field(named, fields));
        Object constant = v.value();
        return switch (attributeFirst ? operation.operator() : flipped(operation.operator())) {
            case "eq" -> field.is(constant);
            case "ne" -> field.ne(constant);
            case "lt" -> field.lt(constant);
            case "le" -> field.lte(constant);
            case "gt" -> field.gt(constant);
            default -> field.gte(constant);
        };
    }

    /* value in attribute (the attribute is a list holding it), or attribute in value (a list of candidates). */
    private Criteria membership(FilterExpression.Operation operation, Map<String, String> fields) {
        List<FilterExpression> operands = pair(operation);
        if (operands.get(0) instanceof FilterExpression.Value value
                && operands.get(1) instanceof FilterExpression.Attribute list) {
            return Criteria.where(field(list, fields)).is(value.value());
        }
        if (operands.get(0) instanceof FilterExpression.Attribute attribute
                && operands.get(1) instanceof FilterExpression.Value candidates
                && candidates.value() instanceof Collection<?> values) {
            return Criteria.where(field(attribute, fields)).in(values);
        }
        throw new UntranslatableFilterException("The plan's membership test " + operands + " cannot be translated");
    }

    /* has(R.attr.x): the document holds the field; the lambda form (list.exists(x, ...)) is refused. */
    private Criteria exists(FilterExpression.Operation operation, Map<String, String> fields) {
        if (single(operation) instanceof FilterExpression.Attribute attribute) {
            return Criteria.where(field(attribute, fields)).exists(true);
        }
        throw new UntranslatableFilterException("The plan's exists " + operation.operands() + " cannot be "
                + "translated");
    }

    private static String flipped(String operator) {
        return switch (operator) {
            case "lt" -> "gt";
            case "le" -> "ge";
            case "gt" -> "lt";
            case "ge" -> "le";
            default -> operator;
        };
    }

    private static List<FilterExpression> pair(FilterExpression.Operation operation) {
        if (operation.operands().size() != 2) {
            throw new UntranslatableFilterException("The plan operator '" + operation.operator() + "' has "
                    + operation.operands().size() + " operands, not 2");
        }
        return operation.operands();
    }

    private static FilterExpression single(FilterExpression.Operation operation) {
        if (operation.operands().size() != 1) {
            throw new UntranslatableFilterException("The plan operator '" + operation.operator() + "' has "
                    + operation.operands().size() + " operands, not 1");
        }
        return operation.operands().get(0);
    }

    private static String field(FilterExpression.Attribute attribute, Map<String, String> fields) {
        String field = fields.get(attribute.attribute());
        if (field == null) {
            throw new UntranslatableFilterException("The plan reads attribute '" + attribute.attribute()
                    + "', which has no field configured");
        }
        return field;
    }

    /* $in of nothing matches no document. */
    private static Criteria nothing() {
        return Criteria.where("_id").in(List.of());
    }
}
