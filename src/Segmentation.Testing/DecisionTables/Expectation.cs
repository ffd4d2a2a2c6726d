using System.Globalization;
using Segmentation.Core.Engine;
using Segmentation.Core.Rules;

namespace Segmentation.Testing;

/// <summary>One checked cell of a decision-table row.</summary>
internal abstract class Expectation(string column)
{
    public string Column { get; } = column;

    public abstract DecisionMismatch? Check<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result);

    /// <summary>Parses an expectation cell; <see langword="null"/> for a column that is not an expectation or an empty cell.</summary>
    public static Expectation? Parse(string column, string? cell, Func<string, DecisionTableFormatException> error)
    {
        if (cell is null)
        {
            return null;
        }

        var value = cell.Trim();
        if (column.Equals("expect", StringComparison.OrdinalIgnoreCase))
        {
            return new ExactSegments(column, DecisionRow.Split(value));
        }

        var colon = column.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || value.Length == 0)
        {
            return null;
        }

        var kind = column[..colon].Trim().ToLowerInvariant();
        var id = column[(colon + 1)..].Trim();
        return kind switch
        {
            "expect" => new Membership(column, id, DecisionRow.ParseBoolean(value) ?? throw error($"'{value}' is not true or false.")),
            "member" => new Member(column, id, IsNone(value) ? null : value),
            "tier" => new Tier(column, id, IsNone(value) ? null : value),
            "score" => Score.Parse(column, id, value) ?? throw error($"'{value}' is not a score: write a number, optionally after >=, <=, > or <."),
            _ => null,
        };
    }

    public static bool IsExpectationColumn(string column) =>
        column.Equals("expect", StringComparison.OrdinalIgnoreCase) ||
        new[] { "expect:", "member:", "tier:", "score:" }.Any(p => column.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    protected static Explanation[] Explain<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result, IEnumerable<string> ids) =>
        [.. ids.Select(id => engine.Explain(profile, id, result.AsOf))];

    protected static string List(IEnumerable<string> ids) => "[" + string.Join(", ", ids) + "]";

    private static bool IsNone(string value) => value.Equals("none", StringComparison.OrdinalIgnoreCase);

    private sealed class ExactSegments(string column, IReadOnlyList<string> expected) : Expectation(column)
    {
        public override DecisionMismatch? Check<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result)
        {
            if (expected.FirstOrDefault(id => !engine.MembershipIds.Contains(id)) is { } unknown)
            {
                return new DecisionMismatch(Column, List(expected), $"'{unknown}' is not a segment, group or member of the catalog", []);
            }

            var considered = engine.RuleSet.Rules.Where(r => r.Kind == RuleKind.Segment).Select(r => r.Id).Union(expected).ToArray();
            var actual = considered.Where(result.IsIn).ToArray();
            var differing = considered.Where(id => expected.Contains(id) != actual.Contains(id)).ToArray();
            return differing.Length == 0
                ? null
                : new DecisionMismatch(Column, List(expected), List(actual), Explain(engine, profile, result, differing));
        }
    }

    private sealed class Membership(string column, string id, bool expected) : Expectation(column)
    {
        public override DecisionMismatch? Check<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result)
        {
            if (!engine.MembershipIds.Contains(id))
            {
                return new DecisionMismatch(Column, expected ? "in" : "out", $"'{id}' is not a segment, group or member of the catalog", []);
            }

            var state = result.StateOf(id);
            return state == (expected ? SegmentState.In : SegmentState.Out)
                ? null
                : new DecisionMismatch(Column, expected ? "in" : "out", SegmentAssert.Describe(state), Explain(engine, profile, result, [id]));
        }
    }

    private sealed class Member(string column, string groupId, string? expected) : Expectation(column)
    {
        public override DecisionMismatch? Check<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result)
        {
            if (!engine.RuleSet.Definition.Groups.Any(g => g.Id == groupId))
            {
                return new DecisionMismatch(Column, expected ?? "none", $"'{groupId}' is not a group of the catalog", []);
            }

            var chosen = result.MemberOf(groupId);
            return chosen == expected && !result.IsFaulted(groupId)
                ? null
                : new DecisionMismatch(Column, expected ?? "none", result.IsFaulted(groupId) ? "faulted" : chosen ?? "none", Explain(engine, profile, result, [groupId]));
        }
    }

    private sealed class Tier(string column, string scoreId, string? expected) : Expectation(column)
    {
        public override DecisionMismatch? Check<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result)
        {
            if (!engine.ScoreIds.Contains(scoreId))
            {
                return new DecisionMismatch(Column, expected ?? "none", $"'{scoreId}' is not a score of the catalog", []);
            }

            var tier = result.Tier(scoreId);
            return tier == expected && !result.IsFaulted(scoreId)
                ? null
                : new DecisionMismatch(Column, expected ?? "none", result.IsFaulted(scoreId) ? "faulted" : tier ?? "none", Explain(engine, profile, result, [scoreId]));
        }
    }

    private sealed class Score(string column, string scoreId, string op, decimal expected) : Expectation(column)
    {
        public static Score? Parse(string column, string scoreId, string text)
        {
            var op = new[] { ">=", "<=", ">", "<", "=" }.FirstOrDefault(o => text.StartsWith(o, StringComparison.Ordinal)) ?? "=";
            var number = text.StartsWith(op, StringComparison.Ordinal) ? text[op.Length..].Trim() : text;
            return decimal.TryParse(number, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? new Score(column, scoreId, op, value) : null;
        }

        public override DecisionMismatch? Check<TProfile>(ISegmentEngine<TProfile> engine, TProfile profile, SegmentationResult result)
        {
            var wanted = (op == "=" ? string.Empty : op + " ") + SegmentAssert.Format(expected);
            if (!engine.ScoreIds.Contains(scoreId))
            {
                return new DecisionMismatch(Column, wanted, $"'{scoreId}' is not a score of the catalog", []);
            }

            var score = result.Score(scoreId);
            var met = score is { } s && op switch
            {
                ">=" => s >= expected,
                "<=" => s <= expected,
                ">" => s > expected,
                "<" => s < expected,
                _ => s == expected,
            };
            return met
                ? null
                : new DecisionMismatch(Column, wanted, score is { } v ? SegmentAssert.Format(v) : "faulted", Explain(engine, profile, result, [scoreId]));
        }
    }
}
