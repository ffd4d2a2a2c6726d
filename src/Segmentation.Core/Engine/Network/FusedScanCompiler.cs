using System.Linq.Expressions;
using System.Reflection;
using static System.Linq.Expressions.Expression;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// Generates one loop per collection that computes every accumulator of the collection in a single pass, with the
/// date accessor, filters and selectors inlined and each accumulator held in locals until the loop ends.
/// </summary>
internal static class FusedScanCompiler
{
    public static Action<Frame<TProfile>> Compile<TProfile, TItem>(
        string name, AccumulatorSpec[] specs, LambdaExpression items, LambdaExpression date, IReadOnlyList<LambdaExpression> filters, IReadOnlyList<LambdaExpression> selectors)
    {
        var frame = Parameter(typeof(Frame<TProfile>), "frame");
        var asOf = Variable(typeof(long), "asOf");
        var source = Variable(typeof(IEnumerable<TItem>), "source");
        var item = Variable(typeof(TItem), "item");
        var t = Variable(typeof(long), "t");
        var filterState = filters.Select((_, i) => Variable(typeof(byte), $"f{i}")).ToArray();
        var selected = selectors.Select((_, i) => Variable(typeof(decimal), $"v{i}")).ToArray();
        var selectedDone = selectors.Select((_, i) => Variable(typeof(bool), $"vd{i}")).ToArray();
        var accs = specs.Select(s => new AccumulatorLocals(s)).ToArray();
        var filterUses = new int[filters.Count];
        foreach (var spec in specs.Where(s => s.FilterIndex >= 0))
        {
            filterUses[spec.FilterIndex]++;
        }

        var perItem = new List<Expression>();
        perItem.AddRange(filterState.Select(f => Assign(f, Constant((byte)0))));
        perItem.AddRange(selectedDone.Select(d => Assign(d, Constant(false))));
        foreach (var acc in accs)
        {
            perItem.Add(acc.Update<TProfile>(t, item, frame, filters, filterState, selectors, selected, selectedDone, filterUses));
        }

        var body = Block(Assign(t, TicksOf(ParameterReplacer.Inline(date, item))), IfThen(LessThanOrEqual(t, asOf), Block(perItem)));
        var profile = Field(frame, nameof(Frame<TProfile>.Profile));
        var itemsBody = ParameterReplacer.Inline(items, profile);
        var block = new List<Expression>
        {
            Assign(asOf, Field(frame, nameof(Frame<TProfile>.AsOfTicks))),
            Assign(source, itemsBody.Type == typeof(IEnumerable<TItem>) ? itemsBody : Convert(itemsBody, typeof(IEnumerable<TItem>))),
            IfThen(Equal(source, Constant(null)), Throw(New(typeof(InvalidOperationException).GetConstructor([typeof(string)])!, Constant($"The collection '{name}' is null.")))),
        };
        block.AddRange(accs.SelectMany(a => a.Initialize(asOf)));
        block.Add(Loop(source, item, body));
        var accumulators = Field(frame, nameof(Frame<TProfile>.Accumulators));
        block.AddRange(accs.SelectMany(a => a.WriteBack(accumulators)));

        var variables = new[] { asOf, source, item, t }.Concat(filterState).Concat(selected).Concat(selectedDone).Concat(accs.SelectMany(a => a.Variables));
        return Lambda<Action<Frame<TProfile>>>(Block(variables, block), frame).Compile();
    }

    private static Expression TicksOf(Expression date)
    {
        if (date.Type == typeof(DateTimeOffset))
        {
            return Property(date, nameof(DateTimeOffset.UtcTicks));
        }

        var value = Variable(typeof(DateTime), "date");
        return Block(
            [value],
            Assign(value, date),
            Condition(
                Equal(Property(value, nameof(DateTime.Kind)), Constant(DateTimeKind.Local)),
                Property(Call(value, nameof(DateTime.ToUniversalTime), null), nameof(DateTime.Ticks)),
                Property(value, nameof(DateTime.Ticks))));
    }

    private static Expression Loop(ParameterExpression source, ParameterExpression item, Expression body)
    {
        var itemType = item.Type;
        var listType = typeof(List<>).MakeGenericType(itemType);
        var list = Variable(listType, "list");
        var index = Variable(typeof(int), "i");
        var count = Variable(typeof(int), "n");
        var listBreak = Label("listDone");
        var listLoop = Block(
            [index, count],
            Assign(index, Constant(0)),
            Assign(count, Property(list, "Count")),
            Expression.Loop(
                IfThenElse(
                    LessThan(index, count),
                    Block(Assign(item, MakeIndex(list, listType.GetProperty("Item"), [index])), body, PostIncrementAssign(index)),
                    Break(listBreak)),
                listBreak));

        var enumeratorType = typeof(IEnumerator<>).MakeGenericType(itemType);
        var enumerator = Variable(enumeratorType, "e");
        var enumBreak = Label("enumDone");
        var enumLoop = Block(
            [enumerator],
            Assign(enumerator, Call(source, typeof(IEnumerable<>).MakeGenericType(itemType).GetMethod("GetEnumerator")!)),
            TryFinally(
                Expression.Loop(
                    IfThenElse(
                        Call(enumerator, typeof(System.Collections.IEnumerator).GetMethod("MoveNext")!),
                        Block(Assign(item, Property(enumerator, "Current")), body),
                        Break(enumBreak)),
                    enumBreak),
                Call(enumerator, typeof(IDisposable).GetMethod("Dispose")!)));

        return Block([list], Assign(list, TypeAs(source, listType)), IfThenElse(NotEqual(list, Constant(null, listType)), listLoop, enumLoop));
    }

    private sealed class AccumulatorLocals(AccumulatorSpec spec)
    {
        public int Slot => spec.Slot;

        public ParameterExpression Count => count;

        public ParameterExpression Sum => sum;

        public ParameterExpression Min => min;

        public ParameterExpression Max => max;

        public ParameterExpression First => first;

        public ParameterExpression Last => last;


        private readonly ParameterExpression lower = Variable(typeof(long), $"lo{spec.Slot}");
        private readonly ParameterExpression upper = Variable(typeof(long), $"up{spec.Slot}");
        private readonly ParameterExpression count = Variable(typeof(long), $"c{spec.Slot}");
        private readonly ParameterExpression sum = Variable(typeof(decimal), $"s{spec.Slot}");
        private readonly ParameterExpression min = Variable(typeof(decimal), $"min{spec.Slot}");
        private readonly ParameterExpression max = Variable(typeof(decimal), $"max{spec.Slot}");
        private readonly ParameterExpression first = Variable(typeof(long), $"first{spec.Slot}");
        private readonly ParameterExpression last = Variable(typeof(long), $"last{spec.Slot}");
        private readonly ParameterExpression firstDay = Variable(typeof(long), $"firstDay{spec.Slot}");
        private readonly ParameterExpression firstDaySum = Variable(typeof(decimal), $"firstDaySum{spec.Slot}");
        private readonly ParameterExpression day = Variable(typeof(long), $"day{spec.Slot}");

        public IEnumerable<ParameterExpression> Variables => [lower, upper, count, sum, min, max, first, last, firstDay, firstDaySum, day];

        public IEnumerable<Expression> Initialize(ParameterExpression asOf) =>
        [
            Assign(lower, spec.OldestTicks is { } oldest ? Subtract(asOf, Constant(oldest)) : Constant(long.MinValue)),
            Assign(upper, Subtract(asOf, Constant(spec.NewestTicks))),
            Assign(count, Constant(0L)),
            Assign(sum, Constant(0m)),
            Assign(min, Constant(decimal.MaxValue)),
            Assign(max, Constant(decimal.MinValue)),
            Assign(first, Constant(long.MaxValue)),
            Assign(last, Constant(long.MinValue)),
            Assign(firstDay, Constant(long.MaxValue)),
            Assign(firstDaySum, Constant(0m)),
        ];

        public Expression Update<TProfile>(
            ParameterExpression t, ParameterExpression item, ParameterExpression frame,
            IReadOnlyList<LambdaExpression> filters, ParameterExpression[] filterState,
            IReadOnlyList<LambdaExpression> selectors, ParameterExpression[] selected, ParameterExpression[] selectedDone, int[] filterUses)
        {
            var actions = Actions<TProfile>(t, item, frame, selectors, selected, selectedDone);

            // Items after as-of never reach here, so a window ending at as-of needs no upper test, and "ever" no lower one.
            var bounds = new List<Expression>();
            if (spec.OldestTicks is not null)
            {
                bounds.Add(GreaterThan(t, lower));
            }

            if (spec.NewestTicks != 0)
            {
                bounds.Add(LessThanOrEqual(t, upper));
            }

            if (spec.FilterIndex >= 0)
            {
                var filter = ParameterReplacer.Inline(filters[spec.FilterIndex], item);
                if (filterUses[spec.FilterIndex] > 1)
                {
                    var state = filterState[spec.FilterIndex];
                    var compute = Assign(state, Condition(filter, Constant((byte)1), Constant((byte)2)));
                    filter = Equal(Condition(Equal(state, Constant((byte)0)), compute, state), Constant((byte)1));
                }

                bounds.Add(filter);
            }

            if (bounds.Count == 0)
            {
                return Block(actions);
            }

            return IfThen(bounds.Aggregate(AndAlso), Block(actions));
        }

        private List<Expression> Actions<TProfile>(
            ParameterExpression t, ParameterExpression item, ParameterExpression frame,
            IReadOnlyList<LambdaExpression> selectors, ParameterExpression[] selected, ParameterExpression[] selectedDone)
        {
            var actions = new List<Expression> { PreIncrementAssign(count) };
            if (spec.NeedsFirstLast)
            {
                actions.Add(IfThen(LessThan(t, first), Assign(first, t)));
                actions.Add(IfThen(GreaterThan(t, last), Assign(last, t)));
            }

            if (spec.SelectorIndex >= 0 && (spec.NeedsSum || spec.NeedsMinMax || spec.NeedsFirstDaySum))
            {
                var s = spec.SelectorIndex;
                var value = selected[s];
                actions.Add(IfThen(Not(selectedDone[s]), Block(Assign(value, ParameterReplacer.Inline(selectors[s], item) is var v && v.Type == typeof(decimal) ? v : Convert(v, typeof(decimal))), Assign(selectedDone[s], Constant(true)))));
                if (spec.NeedsSum)
                {
                    actions.Add(AddAssign(sum, value));
                }

                if (spec.NeedsMinMax)
                {
                    actions.Add(IfThen(LessThan(value, min), Assign(min, value)));
                    actions.Add(IfThen(GreaterThan(value, max), Assign(max, value)));
                }

                if (spec.NeedsFirstDaySum)
                {
                    actions.Add(Assign(day, Divide(t, Constant(TimeSpan.TicksPerDay))));
                    actions.Add(IfThenElse(
                        LessThan(day, firstDay),
                        Block(Assign(firstDay, day), Assign(firstDaySum, value)),
                        IfThen(Equal(day, firstDay), AddAssign(firstDaySum, value))));
                }
            }

            if (spec.DayBuffer >= 0)
            {
                actions.Add(Call(typeof(CollectionScanner<TProfile>).GetMethod(nameof(CollectionScanner<TProfile>.AddDay))!, frame, Constant(spec.DayBuffer), t));
            }

            return actions;
        }

        /// <summary>Stores the fields the accumulator's aggregates read (see <see cref="AccumulatorSpec.Require"/>).</summary>
        public IEnumerable<Expression> WriteBack(Expression accumulators)
        {
            var slot = ArrayAccess(accumulators, Constant(spec.Slot));
            Expression Store(string field, Expression value) => Assign(Field(slot, field), value);
            yield return Store(nameof(Accumulator.Count), count);
            yield return Store(nameof(Accumulator.Fault), Constant(null, typeof(Exception)));
            if (spec.NeedsSum)
            {
                yield return Store(nameof(Accumulator.Sum), sum);
            }

            if (spec.NeedsMinMax)
            {
                yield return Store(nameof(Accumulator.Min), min);
                yield return Store(nameof(Accumulator.Max), max);
            }

            if (spec.NeedsFirstLast)
            {
                yield return Store(nameof(Accumulator.FirstTicks), first);
                yield return Store(nameof(Accumulator.LastTicks), last);
            }

            if (spec.NeedsFirstDaySum)
            {
                yield return Store(nameof(Accumulator.FirstDay), firstDay);
                yield return Store(nameof(Accumulator.FirstDaySum), firstDaySum);
            }

            if (spec.DayBuffer >= 0)
            {
                yield return Store(nameof(Accumulator.DistinctDays), Constant(0));
            }
        }
    }
}
