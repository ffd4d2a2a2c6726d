using System.Linq.Expressions;
using System.Reflection;
using Segmentation.Core.Model;
using static System.Linq.Expressions.Expression;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Compiles a network's units into straight-line code, the way the rules would be written by hand: user lambdas and
/// selectors inlined, each value computed at most once into a local in its natural type (counts compare as
/// <see cref="long"/>), shared conditions memoized in locals, and/or short-circuiting, memberships written directly.
/// </summary>
/// <remarks>
/// The generated code is the optimistic path: it has no fault bookkeeping. Any exception it meets (a throwing lambda,
/// a null collection) abandons it, and <see cref="CodeTier{TProfile}.Run"/> evaluates the profile again on the node
/// network, which records every fault exactly. Three-valued logic makes the outcome of a profile without faults
/// independent of evaluation order, so both paths agree whenever the optimistic one completes.
/// Units are split into chunks of <see cref="UnitsPerChunk"/> so each generated method stays small enough for the JIT to
/// optimize fully, and so that chunks can be generated in parallel and swapped in one at a time (see <see cref="CodeTier{TProfile}"/>).
/// A chunk called with a <see langword="null"/> frame returns at once: that call makes the JIT compile it off the hot path.
/// </remarks>
internal static class NetworkCompiler
{
    /// <summary>The most units generated into one method.</summary>
    public const int UnitsPerChunk = 128;

    /// <summary>
    /// The most <see cref="Weight{TProfile}">weight</see> generated into one method (roughly 12 KB of IL). Since each
    /// text lookup, scan and value a chunk tests several times is written once (see <c>Hoist</c>), larger methods run
    /// faster (fewer calls, values reused across more units) and compile faster (less per-method overhead). Measured
    /// on the reference workload, per profile and to compile: 48 → 256 roughly halved both at 1,012 segments; from
    /// about 800 the JIT no longer keeps the locals in registers, and the code runs far slower.
    /// </summary>
    public const int WeightPerChunk = 256;

    /// <summary>
    /// Where each chunk starts (plus the end): consecutive units, at most <paramref name="unitsPerChunk"/> and
    /// <paramref name="weightPerChunk"/> weight each, a unit heavier than that on its own.
    /// </summary>
    public static int[] ChunkStarts<TProfile>(Network<TProfile> network, int unitsPerChunk, int weightPerChunk)
    {
        var starts = new List<int> { 0 };
        var units = 0;
        var weight = 0;
        for (var i = 0; i < network.Units.Length; i++)
        {
            var unitWeight = Weight(network.Units[i]);
            if (units > 0 && (units == unitsPerChunk || weight + unitWeight > weightPerChunk))
            {
                starts.Add(i);
                units = 0;
                weight = 0;
            }

            units++;
            weight += unitWeight;
        }

        if (network.Units.Length > 0)
        {
            starts.Add(network.Units.Length);
        }

        return [.. starts];
    }

    /// <summary>
    /// A measure of the code generated for a unit: one per condition node written out (a shared node each time it is
    /// referred to), two per comparison (the value and the test), one for the unit's own bookkeeping.
    /// </summary>
    public static int Weight<TProfile>(Unit<TProfile> unit) => 1 + Written(unit).Sum(node => node is ComparisonNode<TProfile> ? 2 : 1);

    /// <summary>Every condition node a unit's generated code writes out: a node referred to twice, twice.</summary>
    private static IEnumerable<ConditionNode<TProfile>> Written<TProfile>(Unit<TProfile> unit)
    {
        var pending = new Stack<ConditionNode<TProfile>>(Roots(unit));
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            yield return node;
            foreach (var child in ChildrenOf(node))
            {
                pending.Push(child);
            }
        }
    }

    /// <summary>The conditions an and/or or a not is made of; none for a leaf.</summary>
    private static ConditionNode<TProfile>[] ChildrenOf<TProfile>(ConditionNode<TProfile> node) => node switch
    {
        JunctionNode<TProfile> junction => junction.Children,
        NotNode<TProfile> not => [not.Inner],
        _ => [],
    };

    /// <summary>
    /// Generates and compiles one chunk of units; <paramref name="shared"/> comes from
    /// <see cref="SharedAcrossChunks{TProfile}"/> (<see langword="null"/>: nothing is kept for other chunks).
    /// </summary>
    /// <param name="network">The network the units belong to.</param>
    /// <param name="units">The chunk's units.</param>
    /// <param name="shared">What chunks keep in the frame for each other.</param>
    /// <param name="emit">
    /// Whether to emit the chunk as a method of the non-collectible assembly the runtime tiers up (see
    /// <see cref="EmittedMethods"/>) rather than as a dynamic method.
    /// </param>
    public static Action<Frame<TProfile>> CompileChunk<TProfile>(Network<TProfile> network, ReadOnlySpan<Unit<TProfile>> units, CrossChunk? shared = null, bool emit = false) =>
        new ChunkCompiler<TProfile>(network, CountUses(network, units), shared ?? CrossChunk.None(network.Shape), emit).Compile(units);

    /// <summary>
    /// The most chunks a catalog may have for its chunks to be emitted as tiered methods (with
    /// <see cref="GeneratedCodeLifetime.Process"/>, or when <see cref="GeneratedCodeLifetime.Automatic"/> promotes them). A tiered method starts unoptimized and is recompiled with
    /// profile data once hot; a small catalog's few chunks get there within a fraction of a second, and then the library
    /// calls of its conditions (a set's <c>Contains</c>, a date's month) are inlined as in your own code. A large
    /// catalog's hundred chunks ran unoptimized for seconds before the runtime recompiled them, so those stay dynamic
    /// methods, compiled optimized at once.
    /// </summary>
    public const int MaxEmittedChunks = 4;

    /// <summary>
    /// The profile values (selectors and date measures) and text indexes that more than one chunk reads: a chunk that
    /// computes one keeps it in the frame for the later chunks (see <see cref="Frame{TProfile}.CodeStamps"/>), so an age or
    /// a country lookup is done once per profile however many chunks test it. Aggregates are not kept: reading one from
    /// its accumulator costs no more than reading it back.
    /// </summary>
    public static CrossChunk SharedAcrossChunks<TProfile>(Network<TProfile> network, IReadOnlyList<int> starts)
    {
        var values = new int[network.Values.Length];
        var texts = new int[network.Shape.TextIndexes];
        var valueSeen = new int[network.Values.Length];
        var textSeen = new int[network.Shape.TextIndexes];
        for (var chunk = 0; chunk + 1 < starts.Count; chunk++)
        {
            var mark = chunk + 1;
            for (var u = starts[chunk]; u < starts[chunk + 1]; u++)
            {
                foreach (var node in Written(network.Units[u]))
                {
                    switch (node)
                    {
                        case ComparisonNode<TProfile> { Value: ProfileValueNode<TProfile> or DateValueNode<TProfile> } comparison:
                            Count(values, valueSeen, comparison.Value.Index, mark);
                            break;
                        case TextSetNode<TProfile> text:
                            Count(texts, textSeen, text.TextIndex.Number, mark);
                            break;
                    }
                }
            }
        }

        return new CrossChunk([.. values.Select(c => c > 1)], [.. texts.Select(c => c > 1)]);

        static void Count(int[] chunks, int[] seen, int index, int mark)
        {
            if (seen[index] != mark)
            {
                seen[index] = mark;
                chunks[index]++;
            }
        }
    }

    /// <summary>
    /// How many places in <paramref name="units"/> refer to each condition node, and how many distinct comparisons read
    /// each value, distinct tests each text index and distinct comparisons the aggregates of each collection: in a
    /// chunk, a condition referred to more than once is memoized in a local, and a value, text lookup or scan that
    /// several tests read is computed once before the first unit needing it.
    /// </summary>
    public static Uses CountUses<TProfile>(Network<TProfile> network, ReadOnlySpan<Unit<TProfile>> units)
    {
        var uses = new int[network.Conditions.Length];
        var valueUses = new int[network.Values.Length];
        var textTests = new int[network.Shape.TextIndexes];
        var collectionComparisons = new int[network.Collections.Length];
        var visited = new bool[network.Conditions.Length];

        void Visit(ConditionNode<TProfile> node)
        {
            uses[node.Index]++;
            if (visited[node.Index])
            {
                return;
            }

            visited[node.Index] = true;
            switch (node)
            {
                case ComparisonNode<TProfile> comparison:
                    valueUses[comparison.Value.Index]++;
                    if (comparison.Value is AggregateValueNode<TProfile> aggregate)
                    {
                        collectionComparisons[aggregate.Collection]++;
                    }

                    break;
                case TextSetNode<TProfile> text:
                    textTests[text.TextIndex.Number]++;
                    break;
            }

            foreach (var child in ChildrenOf(node))
            {
                Visit(child);
            }
        }

        foreach (var unit in units)
        {
            foreach (var root in Roots(unit))
            {
                Visit(root);
            }
        }

        return new Uses(uses, valueUses, textTests, collectionComparisons);
    }

    /// <summary>
    /// In a chunk: references to each condition node, comparisons of each value (by node index), tests of each text
    /// index (by number) and comparisons of aggregates of each collection.
    /// </summary>
    public sealed record Uses(int[] Conditions, int[] Values, int[] Texts, int[] Collections);

    private static IEnumerable<ConditionNode<TProfile>> Roots<TProfile>(Unit<TProfile> unit) => unit switch
    {
        SegmentUnit<TProfile> segment => [segment.Condition],
        GroupUnit<TProfile> group => group.Members.Where(m => m.Condition is not null).Select(m => m.Condition!),
        ScoreUnit<TProfile> score => score.Terms.Select(t => t.Condition),
        _ => throw new NotSupportedException($"Unsupported unit {unit.GetType().Name}."),
    };

    /// <summary>Which values (by node index) and text indexes (by number) chunks keep in the frame for other chunks.</summary>
    public sealed record CrossChunk(bool[] Values, bool[] Texts)
    {
        /// <summary>Nothing kept.</summary>
        public static CrossChunk None(NetworkShape shape) => new(new bool[shape.Values], new bool[shape.TextIndexes]);
    }

    /// <summary>A value in the type generated code compares it in: <see cref="long"/> or <see cref="decimal"/>, with whether it is present.</summary>
    private sealed record TypedValue(ParameterExpression Value, ParameterExpression Present, ParameterExpression Done, Expression Compute);

    private sealed class ChunkCompiler<TProfile>(Network<TProfile> network, Uses uses, CrossChunk shared, bool emit)
    {
        private static readonly MethodInfo ScanForCode = typeof(CollectionScanner<TProfile>).GetMethod(nameof(CollectionScanner<TProfile>.ScanForCode))!;
        private static readonly MethodInfo MatchText = typeof(TextIndex<TProfile>).GetMethod(nameof(TextIndex<TProfile>.Match))!;
        private static readonly MethodInfo MatchTextOutOfLine = typeof(TextIndex<TProfile>).GetMethod(nameof(TextIndex<TProfile>.MatchOutOfLine))!;
        private static readonly MethodInfo RankOf = typeof(ThresholdIndex<TProfile>).GetMethod(nameof(ThresholdIndex<TProfile>.Rank))!;

        private readonly ParameterExpression frame = Parameter(typeof(Frame<TProfile>), "frame");
        private readonly ParameterExpression profile = Variable(typeof(TProfile), "profile");
        private readonly List<ParameterExpression> variables = [];
        private readonly Dictionary<int, ParameterExpression> conditionMemo = [];
        private readonly Dictionary<int, TypedValue> valueMemo = [];
        private readonly Dictionary<TextIndex<TProfile>, ParameterExpression> textHits = [];
        private readonly Dictionary<int, (ParameterExpression Rank, ParameterExpression Done)> ranks = [];

        /// <summary>Values (by node index) computed at a unit boundary earlier in the chunk: their comparisons just read the locals.</summary>
        private readonly HashSet<int> hoistedValues = [];

        /// <summary>Values (by node index) whose rank was found at a unit boundary earlier in the chunk.</summary>
        private readonly HashSet<int> hoistedRanks = [];

        /// <summary>Collections scanned at a unit boundary earlier in the chunk: their aggregates are read without a scan check.</summary>
        private readonly HashSet<int> hoistedScans = [];

        /// <summary>As-of's calendar parts (frame fields in locals), when a date measure of the chunk reads them (see <see cref="AsOfParts"/>).</summary>
        private ParameterExpression[]? asOfParts;

        /// <summary>The highest membership slot the chunk writes (-1 before any).</summary>
        private int highestMembership = -1;

        /// <summary>Text indexes (by number) looked up at a unit boundary earlier in the chunk.</summary>
        private readonly HashSet<int> hoistedTexts = [];

        /// <summary>Locals holding the frame's arrays (and epoch) this chunk reads, loaded once at its start.</summary>
        private readonly Dictionary<string, ParameterExpression> frameFields = [];

        private Expression Memberships => FrameField(nameof(Frame<TProfile>.Memberships));

        /// <summary>
        /// A frame field (an array, the epoch, a part of as-of) in a local loaded once at the start of the chunk: the JIT then needs
        /// no reload after every call or store, and checks a constant index against the array's length only once.
        /// </summary>
        private ParameterExpression FrameField(string name)
        {
            if (!frameFields.TryGetValue(name, out var local))
            {
                local = Variable(typeof(Frame<TProfile>).GetField(name)!.FieldType, name);
                frameFields[name] = local;
            }

            return local;
        }

        public Action<Frame<TProfile>> Compile(ReadOnlySpan<Unit<TProfile>> units)
        {
            variables.Add(profile);
            var end = Label("end");
            var body = new List<Expression>
            {
                IfThen(ReferenceEqual(frame, Constant(null, frame.Type)), Return(end)),
                Assign(profile, Field(frame, nameof(Frame<TProfile>.Profile))),
            };
            foreach (var unit in units)
            {
                body.AddRange(Hoist(unit));
                body.Add(Unit(unit));
            }

            body.Add(Label(end));
            var prologue = frameFields.Select(f => (Expression)Assign(f.Value, Field(frame, f.Key))).ToList();
            if (highestMembership >= 0)
            {
                // One range check of the highest slot the chunk writes lets the JIT drop the checks of all the others.
                var touched = Local(typeof(SegmentState), "touched");
                prologue.Add(Assign(touched, ArrayIndex(Memberships, Constant(highestMembership))));
            }

            body.InsertRange(2, prologue);
            var chunk = Lambda<Action<Frame<TProfile>>>(Block(variables.Concat(frameFields.Values), body), frame);
            return emit && System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? EmittedMethods.Compile(chunk) : chunk.Compile();
        }

        /// <summary>
        /// Computes, before the first unit of the chunk that needs it, each text lookup, collection scan and value (with
        /// its rank among its thresholds) that several tests of the chunk read: its code is then written once, not at
        /// every test that might be the first to run, and those tests read plain locals. Computing what the unit's
        /// short-circuit would have skipped does not change results: should it throw, the profile is evaluated again
        /// on the network, which records faults exactly (a selector with side effects may run where the network would
        /// not have run it).
        /// </summary>
        private IEnumerable<Expression> Hoist(Unit<TProfile> unit)
        {
            var written = Written(unit).ToArray();
            foreach (var text in written.OfType<TextSetNode<TProfile>>())
            {
                if (uses.Texts[text.TextIndex.Number] >= 2 && hoistedTexts.Add(text.TextIndex.Number))
                {
                    yield return TextCompute(text.TextIndex, HitsLocal(text.TextIndex));
                }
            }

            var comparisons = written.OfType<ComparisonNode<TProfile>>().ToArray();
            var scans = comparisons
                .Select(c => c.Value).OfType<AggregateValueNode<TProfile>>()
                .Select(a => a.Collection)
                .Where(c => uses.Collections[c] >= 2 && !hoistedScans.Contains(c))
                .Distinct()
                .OrderBy(c => network.ScanRanks[c])
                .ToArray();
            foreach (var collection in scans)
            {
                hoistedScans.Add(collection);
                yield return ScanOnce(collection);
            }

            foreach (var comparison in comparisons)
            {
                if (uses.Values[comparison.Value.Index] < 2)
                {
                    continue;
                }

                var index = comparison.Value.Index;
                var value = Value(comparison.Value);
                if (Ranked(comparison, value) is { } thresholds)
                {
                    if (hoistedRanks.Add(index))
                    {
                        yield return RankCompute(index, thresholds, value, RankLocal(index), valueReady: hoistedValues.Contains(index));
                    }
                }
                else if (hoistedValues.Add(index))
                {
                    yield return Ensure(value);
                }
            }
        }

        /// <summary>Scans the collection unless this evaluation already has.</summary>
        private Expression ScanOnce(int collection)
        {
            var scanned = ArrayAccess(FrameField(nameof(Frame<TProfile>.CollectionScans)), Constant(collection));
            var epoch = FrameField(nameof(Frame<TProfile>.Epoch));
            var scanner = network.Collections[collection];
            // On a constant of the scanner's sealed type, the JIT calls the override directly.
            return IfThen(NotEqual(scanned, epoch), Block(Call(Constant(scanner, scanner.GetType()), ScanForCode, frame), Assign(scanned, epoch)));
        }

        /// <summary>Whether the comparison's value (or rank) is already in a local, found before this unit.</summary>
        private bool IsReady(ComparisonNode<TProfile> node) =>
            Ranked(node, Value(node.Value)) is null ? hoistedValues.Contains(node.Value.Index) : hoistedRanks.Contains(node.Value.Index);

        private Expression Unit(Unit<TProfile> unit) => unit switch
        {
            SegmentUnit<TProfile> segment => SetMembership(segment.Slot, Condition(segment.Condition)),
            GroupUnit<TProfile> group => Group(group),
            ScoreUnit<TProfile> score => Score(score),
            _ => throw new NotSupportedException($"Unsupported unit {unit.GetType().Name}."),
        };

        private Expression SetMembership(int slot, Expression isIn)
        {
            highestMembership = Math.Max(highestMembership, slot);
            return Assign(ArrayAccess(Memberships, Constant(slot)), Expression.Condition(isIn, Constant(SegmentState.In), Constant(SegmentState.Out)));
        }

        private Expression Group(GroupUnit<TProfile> group)
        {
            var chosen = Local(typeof(bool), "chosen");
            var choice = ArrayAccess(FrameField(nameof(Frame<TProfile>.GroupChoice)), Constant(group.GroupIndex));
            var body = new List<Expression> { Assign(chosen, Constant(false)), Assign(choice, Constant(-1)) };
            for (var i = 0; i < group.Members.Length; i++)
            {
                var member = group.Members[i];
                var holds = member.Condition is null ? (Expression)Constant(true) : Condition(member.Condition);
                body.Add(IfThenElse(
                    AndAlso(Not(chosen), holds),
                    Block(SetMembership(member.Slot, Constant(true)), Assign(chosen, Constant(true)), Assign(choice, Constant(i))),
                    SetMembership(member.Slot, Constant(false))));
            }

            body.Add(SetMembership(group.Slot, chosen));
            return Block(body);
        }

        private Expression Score(ScoreUnit<TProfile> score)
        {
            var total = Local(typeof(decimal), "total");
            var body = new List<Expression> { Assign(total, Constant(0m)) };
            body.AddRange(score.Terms.Select(t => IfThen(Condition(t.Condition), AddAssign(total, Constant(t.Weight)))));
            body.Add(Assign(ArrayAccess(FrameField(nameof(Frame<TProfile>.Scores)), Constant(score.ScoreSlot)), total));
            return Block(body);
        }

        /// <summary>A boolean expression for the condition, memoized in a local when several places refer to it.</summary>
        private Expression Condition(ConditionNode<TProfile> node)
        {
            // A comparison of a value already in a local, or a test of a text lookup already made, costs less than a memo.
            if (uses.Conditions[node.Index] <= 1
                || node is ComparisonNode<TProfile> comparison && IsReady(comparison)
                || node is TextSetNode<TProfile> text && hoistedTexts.Contains(text.TextIndex.Number))
            {
                return Compute(node);
            }

            if (!conditionMemo.TryGetValue(node.Index, out var state))
            {
                state = Memo.Variable($"c{node.Index}");
                variables.Add(state);
                conditionMemo[node.Index] = state;
            }

            return Memo.Read(state, Compute(node));
        }

        private Expression Compute(ConditionNode<TProfile> node) => node switch
        {
            JunctionNode<TProfile> junction => junction.Children
                .Select(Condition)
                .Aggregate((left, right) => junction.Decisive == ConditionState.False ? AndAlso(left, right) : OrElse(left, right)),
            NotNode<TProfile> not => Not(Condition(not.Inner)),
            ReferenceNode<TProfile> reference => reference.Negated
                ? NotEqual(ArrayAccess(Memberships, Constant(reference.Slot)), Constant(SegmentState.In))
                : Equal(ArrayAccess(Memberships, Constant(reference.Slot)), Constant(SegmentState.In)),
            ComparisonNode<TProfile> comparison => Comparison(comparison),
            TextSetNode<TProfile> text => ArrayIndex(TextHits(text.TextIndex), Constant(text.Position)),
            PredicateNode<TProfile> predicate => ParameterReplacer.Inline(predicate.Source, profile),
            AsOfPredicateNode<TProfile> predicate => new ParameterReplacer(predicate.Source.Parameters[1], Field(frame, nameof(Frame<TProfile>.AsOf)))
                .Visit(ParameterReplacer.Inline(predicate.Source, profile)),
            _ => throw new NotSupportedException($"Unsupported condition node {node.GetType().Name}."),
        };

        private Expression TextHits(TextIndex<TProfile> index)
        {
            var hits = HitsLocal(index);
            return hoistedTexts.Contains(index.Number) ? hits : Coalesce(hits, TextCompute(index, hits));
        }

        private ParameterExpression HitsLocal(TextIndex<TProfile> index)
        {
            if (!textHits.TryGetValue(index, out var hits))
            {
                hits = Local(typeof(bool[]), "hits");
                textHits[index] = hits;
            }

            return hits;
        }

        /// <summary>Sets <paramref name="hits"/> to the text index's answer (read back when an earlier chunk kept it) and evaluates to it.</summary>
        private Expression TextCompute(TextIndex<TProfile> index, ParameterExpression hits)
        {
            var selector = ParameterReplacer.Inline(index.Source, profile);
            Expression match = Call(Constant(index), emit ? MatchText : MatchTextOutOfLine, selector.Type == typeof(string) ? selector : Convert(selector, typeof(string)));
            if (!shared.Texts[index.Number])
            {
                return Assign(hits, match);
            }

            var kept = ArrayAccess(FrameField(nameof(Frame<TProfile>.CodeTextHits)), Constant(index.Number));
            return Block(
                Kept(network.Shape.TextStamp(index.Number), [(hits, kept)], Assign(hits, match)),
                hits);
        }

        /// <summary>
        /// Reads <paramref name="locals"/> back from where an earlier chunk of this evaluation kept them (stamp
        /// <paramref name="stamp"/> of <see cref="Frame{TProfile}.CodeStamps"/>); otherwise runs <paramref name="compute"/>,
        /// which sets them, and keeps them there for the later chunks.
        /// </summary>
        private Expression Kept(int stamp, (ParameterExpression Local, Expression Kept)[] locals, Expression compute)
        {
            var stamped = ArrayAccess(FrameField(nameof(Frame<TProfile>.CodeStamps)), Constant(stamp));
            var epoch = FrameField(nameof(Frame<TProfile>.Epoch));
            return IfThenElse(
                Equal(stamped, epoch),
                Block(locals.Select(l => Assign(l.Local, l.Kept))),
                Block([compute, .. locals.Select(l => Assign(l.Kept, l.Local)), Assign(stamped, epoch)]));
        }

        /// <summary>Computes a value, or reads it back when an earlier chunk kept it, and keeps it for the later chunks.</summary>
        private Expression KeptAcrossChunks(int index, Expression compute, ParameterExpression value, ParameterExpression present)
        {
            var slot = Constant(index);
            var store = FrameField(value.Type == typeof(long) ? nameof(Frame<TProfile>.CodeWholes) : nameof(Frame<TProfile>.CodeDecimals));
            return Kept(
                network.Shape.ValueStamp(index),
                [(value, ArrayAccess(store, slot)), (present, ArrayAccess(FrameField(nameof(Frame<TProfile>.CodePresent)), slot))],
                compute);
        }

        /// <summary>Computes the value at its first use in the chunk (see <see cref="TypedValue"/>).</summary>
        private static Expression Ensure(TypedValue value) => IfThen(Not(value.Done), Block(value.Compute, Assign(value.Done, Constant(true))));

        private Expression Comparison(ComparisonNode<TProfile> node)
        {
            var value = Value(node.Value);
            var ready = IsReady(node);
            if (Ranked(node, value) is { } thresholds)
            {
                // Many decimal thresholds on one value: the value's rank among them is found once per profile (one
                // binary search, kept for the later chunks) and each comparison is an integer test of its cut's position.
                var rank = ready ? RankLocal(node.Value.Index).Rank : Rank(node.Value.Index, thresholds, value);
                return ThresholdIndex<TProfile>.HoldsExpression(node.Comparison.Operator, thresholds.CutOf(node), rank);
            }

            var matches = value.Value.Type == typeof(long)
                ? WholeComparison.Matches(value.Value, node.Comparison)
                : WholeComparison.Decimal(value.Value, node.Comparison);
            if (ready)
            {
                return AndAlso(value.Present, matches);
            }

            // A value only this comparison reads is computed in place; one several read, once, at whichever comes first.
            var ensure = uses.Values[node.Value.Index] <= 1 ? value.Compute : Ensure(value);
            return Block(ensure, AndAlso(value.Present, matches));
        }

        /// <summary>The value's threshold index when the comparison is answered from the value's rank (a decimal value with many thresholds).</summary>
        private static ThresholdIndex<TProfile>? Ranked(ComparisonNode<TProfile> node, TypedValue value) =>
            value.Value.Type == typeof(decimal) ? node.Thresholds : null;

        private TypedValue Value(ValueNode<TProfile> node)
        {
            if (valueMemo.TryGetValue(node.Index, out var known))
            {
                return known;
            }

            var whole = node switch
            {
                AggregateValueNode<TProfile> a => a.Definition.Whole is not null,
                ProfileValueNode<TProfile> p => WholeComparison.IsWhole(WholeComparison.Unconverted(p.Source.Body).Type),
                DateValueNode<TProfile> => true,
                _ => false,
            };
            var value = Local(whole ? typeof(long) : typeof(decimal), $"v{node.Index}");
            var present = Local(typeof(bool), $"p{node.Index}");
            var done = Local(typeof(bool), $"d{node.Index}");
            Expression compute = node switch
            {
                AggregateValueNode<TProfile> aggregate => Aggregate(aggregate, value, present),
                ProfileValueNode<TProfile> selector => Nullable(Selected(selector, whole), value, present),
                DateValueNode<TProfile> date => Date(date, value, present),
                ScoreValueNode<TProfile> score => Block(
                    Assign(value, ArrayIndex(FrameField(nameof(Frame<TProfile>.Scores)), Constant(score.ScoreSlot))),
                    Assign(present, Constant(true))),
                _ => throw new NotSupportedException($"Unsupported value node {node.GetType().Name}."),
            };
            if (shared.Values[node.Index])
            {
                compute = KeptAcrossChunks(node.Index, compute, value, present);
            }

            var typed = new TypedValue(value, present, done, compute);
            valueMemo[node.Index] = typed;
            return typed;
        }

        /// <summary>The rank of a value among its thresholds (-1 when absent): computed at most once per chunk, read back from the frame when an earlier chunk found it.</summary>
        private Expression Rank(int index, ThresholdIndex<TProfile> thresholds, TypedValue value)
        {
            var local = RankLocal(index);
            return Block(
                IfThen(Not(local.Done), Block(
                    RankCompute(index, thresholds, value, local, valueReady: false),
                    Assign(local.Done, Constant(true)))),
                local.Rank);
        }

        /// <summary>The locals of a value's rank and whether the chunk has found it.</summary>
        private (ParameterExpression Rank, ParameterExpression Done) RankLocal(int index)
        {
            if (!ranks.TryGetValue(index, out var local))
            {
                local = (Local(typeof(long), $"rank{index}"), Local(typeof(bool), $"ranked{index}"));
                ranks[index] = local;
            }

            return local;
        }

        /// <summary>Sets the rank local: read back when an earlier chunk kept it, otherwise found (after the value, unless <paramref name="valueReady"/>) and kept.</summary>
        private Expression RankCompute(int index, ThresholdIndex<TProfile> thresholds, TypedValue value, (ParameterExpression Rank, ParameterExpression Done) local, bool valueReady)
        {
            var compute = Block(
                valueReady ? Empty() : Ensure(value),
                Assign(local.Rank, Expression.Condition(value.Present, Call(Constant(thresholds), RankOf, value.Value), Constant(-1L))));
            var kept = ArrayAccess(FrameField(nameof(Frame<TProfile>.CodeRanks)), Constant(index));
            return Kept(network.Shape.RankStamp(index), [(local.Rank, kept)], compute);
        }

        /// <summary>The selector's body; for a whole number widened to decimal (<c>p =&gt; p.Nps</c>), the whole number itself.</summary>
        private Expression Selected(ProfileValueNode<TProfile> node, bool whole)
        {
            var body = ParameterReplacer.Inline(node.Source, profile);
            return whole ? WholeComparison.Unconverted(body) : body;
        }

        private Expression Aggregate(AggregateValueNode<TProfile> node, ParameterExpression value, ParameterExpression present)
        {
            var scan = hoistedScans.Contains(node.Collection) ? Empty() : ScanOnce(node.Collection);
            // The definition's value, called directly on the accumulator's array element (passed by reference).
            var acc = ArrayAccess(FrameField(nameof(Frame<TProfile>.Accumulators)), Constant(node.Slot));
            var read = node.Definition.Whole is { } whole
                ? Block(Assign(value, Invoke(whole, acc)), Assign(present, Constant(true)))
                : Nullable(Invoke(node.Definition.Value, acc, Field(frame, nameof(Frame<TProfile>.AsOfTicks))), value, present);
            return Block(scan, read);
        }

        private static Expression Invoke(Delegate function, params Expression[] arguments) =>
            Call(function.Target is null ? null : Constant(function.Target), function.Method, arguments);

        private Expression Date(DateValueNode<TProfile> node, ParameterExpression value, ParameterExpression present)
        {
            var date = Local(typeof(DateTime?), "date");
            return Block(
                Assign(date, Convert(CalendarDates.AsDateTime(ParameterReplacer.Inline(node.Source, profile)), typeof(DateTime?))),
                Assign(present, Property(date, nameof(Nullable<DateTime>.HasValue))),
                IfThen(present, Assign(value, Convert(
                    DateValueNode<TProfile>.MeasureOf(node.DateMeasure, Property(date, nameof(Nullable<DateTime>.Value)), Field(frame, nameof(Frame<TProfile>.AsOfDate)), AsOfParts),
                    typeof(long)))));
        }

        /// <summary>Locals holding as-of's year, month and day, read from the frame once at the start of the chunk.</summary>
        private ParameterExpression[] AsOfParts()
        {
            if (asOfParts is null)
            {
                asOfParts = [FrameField(nameof(Frame<TProfile>.AsOfYear)), FrameField(nameof(Frame<TProfile>.AsOfMonth)), FrameField(nameof(Frame<TProfile>.AsOfDay))];
            }

            return asOfParts;
        }

        /// <summary>Stores a possibly nullable number into a long or decimal local and whether it is present.</summary>
        private Expression Nullable(Expression number, ParameterExpression value, ParameterExpression present)
        {
            var underlying = System.Nullable.GetUnderlyingType(number.Type);
            if (underlying is null)
            {
                return Block(Assign(value, Convert(number, value.Type)), Assign(present, Constant(true)));
            }

            var held = Local(number.Type, "held");
            return Block(
                Assign(held, number),
                Assign(present, Property(held, nameof(Nullable<int>.HasValue))),
                IfThen(present, Assign(value, Convert(Call(held, nameof(Nullable<int>.GetValueOrDefault), null), value.Type))));
        }

        private ParameterExpression Local(Type type, string name)
        {
            var local = Variable(type, name);
            variables.Add(local);
            return local;
        }
    }
}
