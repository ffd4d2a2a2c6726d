using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Segmentation.Core.Engine.Network;

internal sealed class TypedCollectionScanner<TProfile, TItem>(
    string name,
    AccumulatorSpec[] specs,
    Func<TProfile, IEnumerable<TItem>?> items,
    Func<TItem, long> ticks,
    Func<TItem, bool>[] filters,
    Func<TItem, decimal>[] selectors,
    Action<Frame<TProfile>>? fused = null) : CollectionScanner<TProfile>(name, specs)
{
    protected override bool IsFused => fused is not null;

    protected override void ScanAll(Frame<TProfile> frame)
    {
        if (fused is not null)
        {
            fused(frame);
            return;
        }

        Span<byte> filterState = stackalloc byte[filters.Length];
        Span<decimal> selected = stackalloc decimal[selectors.Length];
        Span<bool> selectedDone = stackalloc bool[selectors.Length];
        var source = Items(frame);
        if (source is List<TItem> list)
        {
            foreach (var item in CollectionsMarshal.AsSpan(list))
            {
                Visit(frame, item, filterState, selected, selectedDone);
            }
        }
        else if (source is TItem[] array)
        {
            foreach (var item in array)
            {
                Visit(frame, item, filterState, selected, selectedDone);
            }
        }
        else
        {
            foreach (var item in source)
            {
                Visit(frame, item, filterState, selected, selectedDone);
            }
        }
    }

    protected override void ScanOne(Frame<TProfile> frame, AccumulatorSpec spec)
    {
        var lower = frame.Lower[spec.Slot];
        var upper = frame.Upper[spec.Slot];
        ref var acc = ref frame.Accumulators[spec.Slot];
        foreach (var item in Items(frame))
        {
            var t = ticks(item);
            if (t > upper || t <= lower || (spec.FilterIndex >= 0 && !filters[spec.FilterIndex](item)))
            {
                continue;
            }

            Accumulate(frame, spec, ref acc, item, t);
        }
    }

    private IEnumerable<TItem> Items(Frame<TProfile> frame) =>
        items(frame.Profile) ?? throw new InvalidOperationException($"The collection '{Name}' is null.");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Visit(Frame<TProfile> frame, TItem item, Span<byte> filterState, Span<decimal> selected, Span<bool> selectedDone)
    {
        var t = ticks(item);
        if (t > frame.AsOfTicks)
        {
            return;
        }

        filterState.Clear();
        selectedDone.Clear();
        var accumulators = frame.Accumulators;
        foreach (var spec in Specs)
        {
            if (t > frame.Upper[spec.Slot] || t <= frame.Lower[spec.Slot])
            {
                continue;
            }

            if (spec.FilterIndex >= 0)
            {
                ref var state = ref filterState[spec.FilterIndex];
                if (state == 0)
                {
                    state = filters[spec.FilterIndex](item) ? (byte)1 : (byte)2;
                }

                if (state == 2)
                {
                    continue;
                }
            }

            ref var acc = ref accumulators[spec.Slot];
            if (spec.SelectorIndex >= 0)
            {
                var s = spec.SelectorIndex;
                if (!selectedDone[s])
                {
                    selected[s] = selectors[s](item);
                    selectedDone[s] = true;
                }

                acc.Add(t, selected[s]);
                if (spec.NeedsFirstDaySum)
                {
                    acc.AddFirstDay(t, selected[s]);
                }
            }
            else
            {
                acc.Add(t);
            }

            if (spec.DayBuffer >= 0)
            {
                AddDay(frame, spec.DayBuffer, t);
            }
        }
    }

    private void Accumulate(Frame<TProfile> frame, AccumulatorSpec spec, ref Accumulator acc, TItem item, long t)
    {
        if (spec.SelectorIndex >= 0)
        {
            var value = selectors[spec.SelectorIndex](item);
            acc.Add(t, value);
            if (spec.NeedsFirstDaySum)
            {
                acc.AddFirstDay(t, value);
            }
        }
        else
        {
            acc.Add(t);
        }

        if (spec.DayBuffer >= 0)
        {
            AddDay(frame, spec.DayBuffer, t);
        }
    }
}
