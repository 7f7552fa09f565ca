package org.cdrgen.spark;

import org.apache.spark.sql.connector.expressions.Expression;
import org.apache.spark.sql.connector.expressions.Literal;
import org.apache.spark.sql.connector.expressions.NamedReference;
import org.apache.spark.sql.connector.expressions.filter.Predicate;
import org.apache.spark.sql.types.DataTypes;

/**
 * The range [lo, hi] of one whole-number column (a day as epoch day, a subscriber id) that a pushed predicate
 * allows, or null when the predicate says nothing about that column. A superset is fine (Spark still applies
 * every predicate to the rows); the range only decides which chunks are generated at all. Spark's V2
 * predicates carry a date as its epoch day, so no java.sql.Date (and no time zone) is involved.
 */
final class RangeFilters {
    record Range(long lo, long hi) {
        Range intersect(Range o) {
            return new Range(Math.max(lo, o.lo), Math.min(hi, o.hi));
        }

        Range hull(Range o) {
            return new Range(Math.min(lo, o.lo), Math.max(hi, o.hi));
        }
    }

    static final Range ALL = new Range(Long.MIN_VALUE, Long.MAX_VALUE);

    private RangeFilters() {
    }

    static Range range(Predicate p, String column) {
        Expression[] args = p.children();
        switch (p.name()) {
            case "AND": {
                Range l = range((Predicate) args[0], column);
                Range r = range((Predicate) args[1], column);
                return l == null ? r : r == null ? l : l.intersect(r);
            }
            case "OR": {
                Range l = range((Predicate) args[0], column);
                Range r = range((Predicate) args[1], column);
                return l == null || r == null ? null : l.hull(r);
            }
            case "IN": {
                if (!isColumn(args[0], column)) {
                    return null;
                }
                Range r = new Range(Long.MAX_VALUE, Long.MIN_VALUE);
                for (int i = 1; i < args.length; i++) {
                    Long v = value(args[i]);
                    if (v == null) {
                        return null;
                    }
                    r = r.hull(new Range(v, v));
                }
                return r;
            }
            case "=", "<=>", ">", ">=", "<", "<=": {
                if (args.length != 2) {
                    return null;
                }
                String op = p.name();
                Long v;
                if (isColumn(args[0], column)) {
                    v = value(args[1]);
                } else if (isColumn(args[1], column)) {
                    v = value(args[0]);
                    op = flip(op);
                } else {
                    return null;
                }
                if (v == null) {
                    return null;
                }
                return switch (op) {
                    case ">" -> new Range(v + 1, Long.MAX_VALUE);
                    case ">=" -> new Range(v, Long.MAX_VALUE);
                    case "<" -> new Range(Long.MIN_VALUE, v - 1);
                    case "<=" -> new Range(Long.MIN_VALUE, v);
                    default -> new Range(v, v);
                };
            }
            default:
                return null;
        }
    }

    private static String flip(String op) {
        return switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            case "<=" -> ">=";
            default -> op;
        };
    }

    private static boolean isColumn(Expression e, String column) {
        return e instanceof NamedReference ref && ref.fieldNames().length == 1 && ref.fieldNames()[0].equals(column);
    }

    /** An INT, LONG or DATE (epoch day) literal; anything else is not understood. */
    private static Long value(Expression e) {
        if (e instanceof Literal<?> lit && lit.value() instanceof Number n
                && (lit.dataType() == DataTypes.DateType || lit.dataType() == DataTypes.IntegerType
                        || lit.dataType() == DataTypes.LongType)) {
            return n.longValue();
        }
        return null;
    }
}
