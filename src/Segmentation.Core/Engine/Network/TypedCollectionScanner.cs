using System.Runtime.CompilerServices;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The scanner of a collection of <typeparamref name="TItem"/>: the generated fused loop when there is one, otherwise
/// the same pass interpreted over the collection's shared compiled accessors (<see cref="DatedFacts{TProfile, TItem}"/>)
/// and the compiled filters and selectors. The fused loop can be generated later (<paramref name="compileFused"/>, see
/// <see cref="CompileCode"/>): until it is published, scans take the interpreted pass, which gives the same answers. A
/// published dynamic loop can be promoted to a method the runtime tiers up (<paramref name="compileTiered"/>, see <see cref="PromoteLoop"/>).
/// </summary>
internal sealed class TypedCollectionScanner<TProfile, TItem>(
    AccumulatorSpec[] specs,
    DatedFacts<TProfile, TItem> facts,
    Func<TItem, bool>[] filters,
    Func<TItem, decimal>[] selectors,
    FusedScan<TProfile>? fused = null,
    Func<FusedScan<TProfile>>? compileFused = null,
    Func<FusedScan<TProfile>>? compileTiered = null) : CollectionScanner<TProfile>(facts.Name, specs)
{
    private readonly Func<TItem, long> ticks = facts.Ticks;
    private FusedScan<TProfile>? fused = fused;

    protected override bool IsFused => Volatile.Read(ref fused) is not null;

    /// <inheritdoc />
    public override bool HasGeneralLoop => Volatile.Read(ref fused)?.HasGeneral == true;

    /// <inheritdoc />
    public override bool HasTieredLoop => Volatile.Read(ref fused)?.IsTiered == true;

    /// <inheritdoc />
    public override string? LoopNotEmittedBecause => Volatile.Read(ref fused)?.NotEmittedBecause;

    /// <inheritdoc />
    public override bool HasPendingCode => compileFused is not null && Volatile.Read(ref fused) is null;

    /// <inheritdoc />
    public override void CompileCode()
    {
        if (!HasPendingCode)
        {
            return;
        }

        var code = compileFused!();
        code.Jit(); // Here rather than on the first evaluation.
        Interlocked.CompareExchange(ref fused, code, null);
    }

    /// <inheritdoc />
    public override bool PromoteLoop()
    {
        if (compileTiered is null || Volatile.Read(ref fused) is not { IsTiered: false })
        {
            return false;
        }

        var code = compileTiered();
        if (!code.IsTiered)
        {
            return false;
        }

        code.Jit();
        Volatile.Write(ref fused, code);
        return true;
    }

    /// <inheritdoc />
    public override void ScanForCode(Frame<TProfile> frame)
    {
        if (!HasBuffers && Volatile.Read(ref fused) is { } code)
        {
            RunFused(code, frame);
            return;
        }

        ScanUnchecked(frame);
    }

    protected override void ScanAll(Frame<TProfile> frame)
    {
        if (Volatile.Read(ref fused) is { } code)
        {
            RunFused(code, frame);
            return;
        }

        Span<ConditionState> filterState = stackalloc ConditionState[filters.Length];
        Span<decimal> selected = stackalloc decimal[selectors.Length];
        Span<bool> selectedDone = stackalloc bool[selectors.Length];
        foreach (var item in new FactItems<TItem>(facts.ItemsOrThrow(frame.Profile)))
        {
            Visit(frame, item, filterState, selected, selectedDone);
        }
    }

    /// <summary>
    /// The fast loop, and the general one when the fast one leaves (a local-kind date, a sum it cannot add): the general
    /// loop starts over, with the buffers the fast one began emptied.
    /// </summary>
    private void RunFused(FusedScan<TProfile> code, Frame<TProfile> frame)
    {
        if (!code.Fast(frame))
        {
            ResetBuffers(frame);
            code.RunGeneral(frame);
        }
    }

    protected override void ScanOne(Frame<TProfile> frame, AccumulatorSpec spec)
    {
        var lower = frame.Lower[spec.Slot];
        var upper = frame.Upper[spec.Slot];
        ref var acc = ref frame.Accumulators[spec.Slot];
        foreach (var item in new FactItems<TItem>(facts.ItemsOrThrow(frame.Profile)))
        {
            var t = ticks(item);
            if (!FactWindow.Contains(t, lower, upper) || (spec.FilterIndex >= 0 && !filters[spec.FilterIndex](item)))
            {
                continue;
            }

            var value = spec.ReadsValue ? selectors[spec.SelectorIndex](item) : 0m;
            acc.AddIsolated(spec.Parts, t, value);
            AddBuffered(frame, spec, t, value);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Visit(Frame<TProfile> frame, TItem item, Span<ConditionState> filterState, Span<decimal> selected, Span<bool> selectedDone)
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
            if (!FactWindow.Contains(t, frame.Lower[spec.Slot], frame.Upper[spec.Slot]))
            {
                continue;
            }

            if (spec.FilterIndex >= 0)
            {
                ref var state = ref filterState[spec.FilterIndex];
                if (state == ConditionState.Pending)
                {
                    state = filters[spec.FilterIndex](item) ? ConditionState.True : ConditionState.False;
                }

                if (state == ConditionState.False)
                {
                    continue;
                }
            }

            var value = 0m;
            if (spec.ReadsValue)
            {
                var s = spec.SelectorIndex;
                if (!selectedDone[s])
                {
                    selected[s] = selectors[s](item);
                    selectedDone[s] = true;
                }

                value = selected[s];
            }

            accumulators[spec.Slot].Add(spec.Parts, t, value);
            AddBuffered(frame, spec, t, value);
        }
    }
}
