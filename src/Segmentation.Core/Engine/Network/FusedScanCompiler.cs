using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Segmentation.Core.Semantics;
using static System.Linq.Expressions.Expression;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Generates one loop per collection that computes every accumulator of the collection in a single pass, with the
/// collection's accessors, filters and selectors inlined and each accumulator held in a local until the loop ends.
/// The loop calls the same <see cref="Accumulator"/> part methods as the interpreted scan, for the parts each
/// accumulator needs; any exception leaves the loop (see <see cref="CollectionScanner{TProfile}"/>).
/// </summary>
internal static class FusedScanCompiler
{
    /// <summary>
    /// The loops of one collection: a fast one that holds no call, so that the JIT keeps every count in a register, and,
    /// when the fast one can meet something it does not handle, the general loop it then leaves for (generated on first
    /// use, see <see cref="FusedScan{TProfile}"/>). The fast loop
    /// leaves on a local-kind date (it does not convert time zones) and on a sum <see cref="DecimalSum"/> cannot add.
    /// Not <paramref name="collectible"/>: both are methods of a dynamic assembly the runtime tiers up (see <see cref="EmittedMethods"/>).
    /// </summary>
    public static FusedScan<TProfile> Compile<TProfile, TItem>(
        DatedFacts<TProfile, TItem> facts, AccumulatorSpec[] specs, IReadOnlyList<LambdaExpression> filters, IReadOnlyList<LambdaExpression> selectors, bool collectible = true)
    {
        var sumsWithoutCalls = DecimalSum.Available && specs.Any(s => (s.Parts & AccumulatorParts.Sum) != 0);
        var mayLeave = facts.MayNeedConversion || sumsWithoutCalls;
        return new(
            CompileLoop(facts, specs, filters, selectors, fast: mayLeave, collectible),
            mayLeave ? () => CompileLoop(facts, specs, filters, selectors, fast: false, collectible) : null);
    }

    /// <summary>
    /// One loop. The <paramref name="fast"/> one returns <see langword="false"/> at once, before writing any accumulator
    /// back, on a date that needs a time-zone conversion or a sum it cannot add without a call; the general one handles
    /// everything and returns <see langword="true"/>.
    /// </summary>
    private static Func<Frame<TProfile>, bool> CompileLoop<TProfile, TItem>(
        DatedFacts<TProfile, TItem> facts, AccumulatorSpec[] specs, IReadOnlyList<LambdaExpression> filters, IReadOnlyList<LambdaExpression> selectors, bool fast, bool collectible)
    {
        var frame = Parameter(typeof(Frame<TProfile>), "frame");
        var asOf = Variable(typeof(long), "asOf");
        var item = Variable(typeof(TItem), "item");
        var t = Variable(typeof(long), "t");
        var age = Variable(typeof(long), "age");
        var filterState = filters.Select((_, i) => Memo.Variable($"f{i}")).ToArray();
        var selected = selectors.Select((_, i) => Variable(typeof(decimal), $"v{i}")).ToArray();
        var selectedDone = selectors.Select((_, i) => Variable(typeof(bool), $"vd{i}")).ToArray();
        var filterUses = new int[filters.Count];
        foreach (var spec in specs.Where(s => s.FilterIndex >= 0))
        {
            filterUses[spec.FilterIndex]++;
        }

        var end = Label(typeof(bool), "end");
        var leave = fast ? end : null;
        var context = new ItemContext(t, age, item, frame, filters, [.. filters.Select(ExclusiveEquality.Of)], filterState, filterUses, selectors, selected, selectedDone, leave);
        var accs = specs.Select(s => new AccumulatorLocal<TProfile>(s, fast && DecimalSum.Available)).ToArray();
        var counts = SharedCounts(accs);
        var perItem = new List<Expression> { Assign(age, Subtract(asOf, t)) };
        perItem.AddRange(filterState.Select(Memo.Reset));
        perItem.AddRange(selectedDone.Select(d => Assign(d, Constant(false))));
        perItem.AddRange(Updates(accs, counts, context));

        Expression instant = fast && facts.MayNeedConversion
            ? IfThen(Not(facts.TryTicksWithoutConversionOf(item, t)), Return(end, Constant(false)))
            : Assign(t, facts.TicksOf(item));
        var body = Block(instant, IfThen(LessThanOrEqual(t, asOf), Block(perItem)));
        var itemsBody = facts.ItemsOf(Field(frame, nameof(Frame<TProfile>.Profile)));
        var collection = CollectionLoop.Over(itemsBody, typeof(TItem));
        var block = new List<Expression>
        {
            // Called with no frame, the loop returns at once: that call makes the JIT compile it off the hot path.
            IfThen(ReferenceEqual(frame, Constant(null, frame.Type)), Return(end, Constant(true))),
            Assign(asOf, Field(frame, nameof(Frame<TProfile>.AsOfTicks))),
            collection.Prepare(facts.NullMessage),
        };
        block.AddRange(accs.SelectMany(a => a.Initialize()));
        block.Add(collection.Loop(item, body));
        var accumulators = Field(frame, nameof(Frame<TProfile>.Accumulators));
        block.AddRange(accs.Select(a => a.WriteBack(accumulators)));
        block.Add(Label(end, Constant(true)));

        var variables = new[] { asOf, collection.Source, item, t }.Concat(filterState).Concat(selected).Concat(selectedDone).Append(age)
            .Concat(accs.SelectMany(a => a.Variables).Distinct());
        var loop = Lambda<Func<Frame<TProfile>, bool>>(Block(typeof(bool), variables, block), frame);
        // The feature check lets NativeAOT's compiler drop the emitter (which it could not analyze) with the branch.
        return collectible || !RuntimeFeature.IsDynamicCodeSupported ? loop.Compile() : EmittedMethods.Compile(loop);
    }

    /// <summary>
    /// Every accumulator's update for one item. Windows that end at as-of are nested, so an item's instant is tested
    /// once per distinct start, widest window first, and an item older than a window is never tested against the
    /// narrower ones inside it: <c>if (age &lt; 365 days) { …365-day updates…; if (age &lt; 90 days) { …90-day updates… } }</c>.
    /// That is exact because such windows share their end: an item outside a wider one is outside every narrower one.
    /// Inside a window, the accumulators with the same filter test it once and share one count; updates whose filters
    /// exclude each other are chained (see <see cref="Chain"/>).
    /// </summary>
    private static List<Expression> Updates<TProfile>(AccumulatorLocal<TProfile>[] accs, ILookup<AccumulatorLocal<TProfile>, AccumulatorLocal<TProfile>> counts, ItemContext context)
    {
        var nested = accs
            .Where(a => a.Nested)
            .GroupBy(a => a.Spec.OldestTicks!.Value)
            .OrderBy(g => g.Key)
            .ToArray();
        Step? inner = null;
        foreach (var window in nested)
        {
            var updates = window
                .Where(a => counts.Contains(a))
                .Select(owner => owner.Update(context, testWindow: false, counts[owner].ToArray()))
                .ToList();
            if (inner is not null)
            {
                updates.Add(inner);
            }

            var first = window.First();
            inner = Step.Window(FactWindow.TestAge(context.Age, first.Spec.OldestTicks, newestAgoTicks: 0)!, updates);
        }

        var flat = accs.Where(a => !a.Nested).Select(a => a.Update(context, testWindow: true, [a])).ToList();
        if (inner is not null)
        {
            flat.Add(inner);
        }

        return Chain(flat);
    }

    /// <summary>
    /// The steps as statements, those whose filters exclude each other chained as <c>if … else if …</c>, the way code
    /// written by hand stops at the first event type that matches: once one step's test holds, no later step of its
    /// chain can fire, so they are not tested. A window's block joins a chain only last, when every step inside it
    /// excludes the chain's (its test is the window alone, which excludes nothing). The steps update different
    /// accumulators, so their order does not matter.
    /// </summary>
    private static List<Expression> Chain(List<Step> steps)
    {
        var chains = new List<List<Step>>();
        foreach (var step in steps)
        {
            var chain = step.Keys is null ? null : chains.Find(c => c[^1].Exclusive && c.TrueForAll(s => ExclusiveEquality.Exclusive(s.Keys!, step.Keys)));
            if (chain is null)
            {
                chains.Add([step]);
            }
            else
            {
                chain.Add(step);
            }
        }

        return chains.ConvertAll(chain => chain[..^1].AsEnumerable().Reverse().Aggregate(chain[^1].ToExpression(), (rest, step) => IfThenElse(step.Test!, step.Body, rest)));
    }

    /// <summary>
    /// The accumulators that share a count, keyed by the one that updates it: in a nested window, those with the same
    /// filter count the same items; every other accumulator counts alone.
    /// </summary>
    private static ILookup<AccumulatorLocal<TProfile>, AccumulatorLocal<TProfile>> SharedCounts<TProfile>(AccumulatorLocal<TProfile>[] accs)
    {
        var pairs = new List<(AccumulatorLocal<TProfile> Owner, AccumulatorLocal<TProfile> Member)>();
        foreach (var group in accs.Where(a => a.Nested).GroupBy(a => (a.Spec.OldestTicks, a.Spec.FilterIndex)))
        {
            var owner = group.First();
            foreach (var member in group)
            {
                member.ShareCount(owner);
                pairs.Add((owner, member));
            }
        }

        return pairs.ToLookup(p => p.Owner, p => p.Member);
    }

    /// <summary>
    /// The per-item locals every accumulator's update reads: the instant, its age (as-of minus it), the item, and the memos of filters and selected
    /// values; the filters' equality tests (see <see cref="ExclusiveEquality"/>); with, in the fast loop, the label that leaves it (returning <see langword="false"/>).
    /// </summary>
    private sealed record ItemContext(
        ParameterExpression Ticks,
        ParameterExpression Age,
        ParameterExpression Item,
        ParameterExpression Frame,
        IReadOnlyList<LambdaExpression> Filters,
        ExclusiveEquality?[] Equalities,
        ParameterExpression[] FilterState,
        int[] FilterUses,
        IReadOnlyList<LambdaExpression> Selectors,
        ParameterExpression[] Selected,
        ParameterExpression[] SelectedDone,
        LabelTarget? Leave);

    /// <summary>
    /// One update of the loop body: <paramref name="Body"/> runs when <paramref name="Test"/> holds (always when it is
    /// <see langword="null"/>). <paramref name="Keys"/>: the equality tests every item that fires the step passes, or
    /// <see langword="null"/> when nothing is known. <paramref name="Exclusive"/>: whether the test itself implies the
    /// keys, so that a step chained after it may be skipped when it holds (see <see cref="Chain"/>).
    /// </summary>
    private sealed record Step(Expression? Test, Expression Body, ExclusiveEquality[]? Keys, bool Exclusive)
    {
        /// <summary>A window's block: its steps, chained; its keys are theirs when every one has some.</summary>
        public static Step Window(Expression test, List<Step> steps) => new(
            test,
            Block(Chain(steps)),
            steps.TrueForAll(s => s.Keys is not null) ? [.. steps.SelectMany(s => s.Keys!)] : null,
            Exclusive: false);

        /// <summary>The step as one statement.</summary>
        public Expression ToExpression() => Test is null ? Body : IfThen(Test, Body);
    }

    /// <summary>
    /// One accumulator held in plain locals during the loop, one per field its parts keep (so the JIT keeps counts and
    /// sums in registers), updated by <see cref="Accumulator"/>'s part methods; with its window bounds.
    /// </summary>
    private sealed class AccumulatorLocal<TProfile>(AccumulatorSpec spec, bool sumWithoutCalls)
    {
        /// <summary>
        /// A local for every field the parts keep except the faults, which the fast path never has, and except the sum
        /// when it is kept as a <see cref="DecimalSum"/> coefficient and scale.
        /// </summary>
        private readonly Dictionary<string, ParameterExpression> fields = Accumulator.FieldsOf(spec.Parts)
            .Select(name => typeof(Accumulator).GetField(name)!)
            .Where(field => field.FieldType != typeof(Exception) && !(sumWithoutCalls && field.Name == nameof(Accumulator.Sum)))
            .ToDictionary(field => field.Name, field => Variable(field.FieldType, $"{field.Name}{spec.Slot}"));

        private readonly ParameterExpression? sumCoefficient = sumWithoutCalls && (spec.Parts & AccumulatorParts.Sum) != 0 ? Variable(typeof(ulong), $"sumUnits{spec.Slot}") : null;

        private readonly ParameterExpression? sumScale = sumWithoutCalls && (spec.Parts & AccumulatorParts.Sum) != 0 ? Variable(typeof(int), $"sumScale{spec.Slot}") : null;

        public IEnumerable<ParameterExpression> Variables => sumCoefficient is null ? fields.Values : fields.Values.Append(sumCoefficient).Append(sumScale!);

        /// <summary>The accumulator's spec.</summary>
        public AccumulatorSpec Spec => spec;

        /// <summary>Whether the window ends at as-of and has a start, so it nests in the wider ones (see <see cref="Updates{TProfile}"/>).</summary>
        public bool Nested => spec.NewestTicks == 0 && spec.OldestTicks is not null;

        /// <summary>Counts in <paramref name="owner"/>'s local, which updates it for both.</summary>
        public void ShareCount(AccumulatorLocal<TProfile> owner) => fields[nameof(Accumulator.Count)] = owner.fields[nameof(Accumulator.Count)];

        /// <summary>Each field's local starts at <see cref="Accumulator.Empty"/>'s value, written as a constant (a zero sum is 0 × 10^0).</summary>
        public IEnumerable<Expression> Initialize()
        {
            var initial = fields.Select(f => (Expression)Assign(f.Value, Constant(typeof(Accumulator).GetField(f.Key)!.GetValue(Accumulator.Empty), f.Value.Type)));
            return sumCoefficient is null ? initial : initial.Append(Assign(sumCoefficient, Constant(0UL))).Append(Assign(sumScale!, Constant(0)));
        }

        /// <summary>
        /// The update for one item: the window test (unless the caller made it), the filter, the count, then the other
        /// parts of this accumulator and of the <paramref name="sharing"/> ones (same window and filter, one count); with
        /// the filter's equality test when it has one (see <see cref="ExclusiveEquality"/>).
        /// </summary>
        public Step Update(ItemContext c, bool testWindow, AccumulatorLocal<TProfile>[] sharing)
        {
            var actions = new List<Expression> { Part(nameof(Accumulator.AddCount), fields[nameof(Accumulator.Count)]) };
            foreach (var accumulator in sharing)
            {
                actions.AddRange(accumulator.Parts(c));
            }

            // Items after as-of never reach here, so a window ending at as-of needs no upper test, and "ever" no lower one.
            var test = testWindow ? FactWindow.TestAge(c.Age, spec.OldestTicks, spec.NewestTicks) : null;
            ExclusiveEquality[]? keys = null;
            if (spec.FilterIndex >= 0)
            {
                Expression filter = ParameterReplacer.Inline(c.Filters[spec.FilterIndex], c.Item);
                if (c.FilterUses[spec.FilterIndex] > sharing.Length)
                {
                    filter = Memo.Read(c.FilterState[spec.FilterIndex], filter);
                }

                test = test is null ? filter : AndAlso(test, filter);
                keys = c.Equalities[spec.FilterIndex] is { } equality ? [equality] : null;
            }

            return new Step(test, Block(actions), keys, Exclusive: keys is not null);
        }

        /// <summary>The part updates after the count that the spec needs, in <see cref="Accumulator.Add"/>'s order.</summary>
        private List<Expression> Parts(ItemContext c)
        {
            var actions = new List<Expression>();
            var parts = spec.Parts;
            if ((parts & AccumulatorParts.FirstLast) != 0)
            {
                actions.Add(Part(nameof(Accumulator.AddInstant), fields[nameof(Accumulator.FirstTicks)], fields[nameof(Accumulator.LastTicks)], c.Ticks));
            }

            Expression value = Constant(0m);
            if (spec.ReadsValue)
            {
                var s = spec.SelectorIndex;
                var selector = ParameterReplacer.Inline(c.Selectors[s], c.Item);
                actions.Add(IfThen(Not(c.SelectedDone[s]), Block(
                    Assign(c.Selected[s], selector.Type == typeof(decimal) ? selector : Convert(selector, typeof(decimal))),
                    Assign(c.SelectedDone[s], Constant(true)))));
                value = c.Selected[s];
            }

            if (sumCoefficient is not null)
            {
                var added = Call(typeof(DecimalSum), nameof(DecimalSum.TryAdd), null, sumCoefficient, sumScale!, value);
                actions.Add(IfThen(Not(added), Return(c.Leave!, Constant(false))));
            }
            else if ((parts & AccumulatorParts.Sum) != 0)
            {
                actions.Add(Part(nameof(Accumulator.AddSum), fields[nameof(Accumulator.Sum)], value));
            }

            if ((parts & AccumulatorParts.MinMax) != 0)
            {
                actions.Add(Part(nameof(Accumulator.AddMinMax), fields[nameof(Accumulator.Min)], fields[nameof(Accumulator.Max)], value));
            }

            if ((parts & AccumulatorParts.FirstDaySum) != 0)
            {
                actions.Add(Part(nameof(Accumulator.AddFirstDay), fields[nameof(Accumulator.FirstDay)], fields[nameof(Accumulator.FirstDaySum)], c.Ticks, value));
            }

            if (spec.DayBuffer >= 0)
            {
                actions.Add(Call(typeof(CollectionScanner<TProfile>), nameof(CollectionScanner<TProfile>.AddDay), null, c.Frame, Constant(spec.DayBuffer), c.Ticks));
            }

            if (spec.ValueBuffer >= 0)
            {
                actions.Add(Call(typeof(CollectionScanner<TProfile>), nameof(CollectionScanner<TProfile>.AddValue), null, c.Frame, Constant(spec.ValueBuffer), value));
            }

            return actions;
        }

        /// <summary>
        /// Stores the fields of the parts the accumulator keeps (the others are never read), not the whole struct; the
        /// faults are cleared (a fault would have left the loop).
        /// </summary>
        public Expression WriteBack(Expression accumulators)
        {
            var slot = ArrayAccess(accumulators, Constant(spec.Slot));
            return Block(Accumulator.FieldsOf(spec.Parts).Select(field => Assign(
                Field(slot, field),
                fields.TryGetValue(field, out var local) ? local
                : field == nameof(Accumulator.Sum) ? Call(typeof(DecimalSum), nameof(DecimalSum.ToDecimal), null, sumCoefficient!, sumScale!)
                : Constant(null, typeof(Exception)))));
        }

        /// <summary>A call of the static part update <paramref name="name"/> of <see cref="Accumulator"/>, fields passed by reference.</summary>
        private static MethodCallExpression Part(string name, params Expression[] arguments) =>
            Call(
                typeof(Accumulator).GetMethods(BindingFlags.Public | BindingFlags.Static).Single(m => m.Name == name),
                arguments);
    }
}
