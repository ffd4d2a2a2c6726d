using System.Runtime.CompilerServices;
using Segmentation.Core.Semantics;

namespace Segmentation.Core.Engine.Network;

/// <summary>The per-evaluation working memory of a network, reused across evaluations on one thread.</summary>
internal sealed class Frame<TProfile>
{
    public Frame(NetworkShape shape)
    {
        CollectionScans = new int[shape.Collections];
        Accumulators = new Accumulator[shape.Accumulators];
        Lower = new long[shape.Accumulators];
        Upper = new long[shape.Accumulators];
        ValueStates = new ValueState[shape.Values];
        Values = new decimal[shape.Values];
        ValueFaults = new FaultInfo?[shape.Values];
        Conditions = new ConditionState[shape.Conditions];
        ConditionFaults = new FaultInfo?[shape.Conditions];
        Memberships = new SegmentState[shape.Memberships];
        MembershipFaults = new FaultInfo?[shape.Memberships];
        Scores = new decimal[shape.Scores];
        ScoreFaults = new FaultInfo?[shape.Scores];
        GroupChoice = new int[shape.Groups];
        DayBuffers = new long[shape.DayBuffers][];
        DayCounts = new int[shape.DayBuffers];
        for (var i = 0; i < DayBuffers.Length; i++)
        {
            DayBuffers[i] = new long[16];
        }

        CodeStamps = new int[shape.CodeStamps];
        CodeRanks = new long[shape.Values];
        CodeWholes = new long[shape.Values];
        CodeDecimals = new decimal[shape.Values];
        CodePresent = new bool[shape.Values];
        CodeTextHits = new bool[]?[shape.TextIndexes];
        ValueBuffers = new decimal[shape.ValueBuffers][];
        ValueCounts = new int[shape.ValueBuffers];
        for (var i = 0; i < ValueBuffers.Length; i++)
        {
            ValueBuffers[i] = new decimal[16];
        }
    }

    public TProfile Profile = default!;

    public DateTimeOffset AsOf;

    public long AsOfTicks;

    /// <summary>The UTC day of <see cref="AsOfTicks"/> (recomputed only when the as-of instant changes).</summary>
    public DateTime AsOfDate = new(0, DateTimeKind.Utc);

    /// <summary>The year of <see cref="AsOfDate"/>.</summary>
    public int AsOfYear = 1;

    /// <summary>The month of <see cref="AsOfDate"/>.</summary>
    public int AsOfMonth = 1;

    /// <summary>The day of the month of <see cref="AsOfDate"/>.</summary>
    public int AsOfDay = 1;

    public bool InUse;

    /// <summary>Whether any condition or value threw, even where another operand decided the outcome.</summary>
    public bool HasFaults;

    /// <summary>Whether any membership or score faulted: what a result lists as faults.</summary>
    public bool HasDecisionFaults
    {
        get
        {
            if (!HasFaults)
            {
                return false;
            }

            foreach (var state in Memberships)
            {
                if (state == SegmentState.Faulted)
                {
                    return true;
                }
            }

            foreach (var fault in ScoreFaults)
            {
                if (fault is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>The <see cref="Epoch"/> of the evaluation that last scanned each collection (see <see cref="IsScanned"/>).</summary>
    public readonly int[] CollectionScans;

    /// <summary>Whether this evaluation has scanned the collection.</summary>
    public bool IsScanned(int collection) => CollectionScans[collection] == Epoch;

    /// <summary>Records that this evaluation has scanned the collection.</summary>
    public void MarkScanned(int collection) => CollectionScans[collection] = Epoch;

    public readonly Accumulator[] Accumulators;

    public readonly long[] Lower;

    public readonly long[] Upper;

    public readonly ValueState[] ValueStates;

    public readonly decimal[] Values;

    public readonly FaultInfo?[] ValueFaults;

    public readonly ConditionState[] Conditions;

    public readonly FaultInfo?[] ConditionFaults;

    public readonly SegmentState[] Memberships;

    public readonly FaultInfo?[] MembershipFaults;

    public readonly decimal[] Scores;

    public readonly FaultInfo?[] ScoreFaults;

    public readonly int[] GroupChoice;

    public readonly long[][] DayBuffers;

    public readonly int[] DayCounts;

    public readonly decimal[][] ValueBuffers;

    /// <summary>The number of this evaluation on this frame: a <see cref="CodeStamps"/> entry equal to it is from this evaluation.</summary>
    public int Epoch;

    /// <summary>
    /// When generated code last stored a value (by value node index), a text index's answer (after the values, by
    /// <see cref="TextIndex{TProfile}.Number"/>) or a value's rank (after those, by value node index) for a later chunk
    /// to reuse: valid when equal to <see cref="Epoch"/>.
    /// </summary>
    public readonly int[] CodeStamps;

    /// <summary>
    /// Ranks of values among their comparisons' thresholds (<see cref="ThresholdIndex{TProfile}.Rank"/>, -1 when the
    /// value is absent) generated code stored for later chunks; stamped after the text indexes.
    /// </summary>
    public readonly long[] CodeRanks;

    /// <summary>Whole-number values generated code stored for later chunks.</summary>
    public readonly long[] CodeWholes;

    /// <summary>Decimal values generated code stored for later chunks.</summary>
    public readonly decimal[] CodeDecimals;

    /// <summary>Whether each stored value is present.</summary>
    public readonly bool[] CodePresent;

    /// <summary>Text indexes' answers generated code stored for later chunks.</summary>
    public readonly bool[]?[] CodeTextHits;

    public readonly int[] ValueCounts;

    /// <summary>
    /// Prepares the frame for an evaluation. <paramref name="nodeState"/>: clear the node network's memo of values and
    /// conditions, which generated code never reads (an evaluation that falls back to the network resets again with it).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Reset(TProfile profile, DateTimeOffset asOf, bool nodeState = true)
    {
        Profile = profile;
        if (asOf.UtcTicks != AsOfTicks || asOf.Offset != AsOf.Offset)
        {
            SetAsOf(asOf);
        }

        var epoch = Epoch + 1;
        if (epoch == 0)
        {
            epoch = RestartEpochs();
        }

        Epoch = epoch;
        if (nodeState || HasFaults)
        {
            Clear(nodeState);
        }
    }

    /// <summary>Forgets every stamp when the epoch wraps around; returns the first epoch.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private int RestartEpochs()
    {
        Array.Clear(CodeStamps);
        Array.Clear(CollectionScans);
        return 1;
    }

    /// <summary>Clears the node network's memo (when <paramref name="nodeState"/>) and the last evaluation's faults.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Clear(bool nodeState)
    {
        if (nodeState)
        {
            Array.Clear(ValueStates);
            Array.Clear(Conditions);
        }

        if (HasFaults)
        {
            Array.Clear(ValueFaults);
            Array.Clear(ConditionFaults);
            Array.Clear(MembershipFaults);
            Array.Clear(ScoreFaults);
            HasFaults = false;
        }
    }

    public void Release() => Profile = default!;

    /// <summary>
    /// Stores a new as-of instant with its UTC date and calendar parts: out of line, since a batch keeps one instant,
    /// so that <see cref="Reset"/> stores nothing for it in the common case.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void SetAsOf(DateTimeOffset asOf)
    {
        AsOf = asOf;
        AsOfTicks = asOf.UtcTicks;
        AsOfDate = asOf.UtcDateTime.Date;
        (AsOfYear, AsOfMonth, AsOfDay) = AsOfDate;
    }
}
