namespace Segmentation.Core.Engine.Network;

/// <summary>The per-evaluation working memory of a network, reused across evaluations on one thread.</summary>
internal sealed class Frame<TProfile>
{
    public Frame(NetworkShape shape)
    {
        CollectionDone = new bool[shape.Collections];
        Accumulators = new Accumulator[shape.Accumulators];
        Lower = new long[shape.Accumulators];
        Upper = new long[shape.Accumulators];
        ValueState = new Tri[shape.Values];
        Values = new decimal[shape.Values];
        ValueFaults = new FaultInfo?[shape.Values];
        Conditions = new Tri[shape.Conditions];
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
    }

    public TProfile Profile { get; private set; } = default!;

    public DateTimeOffset AsOf { get; private set; }

    public long AsOfTicks { get; private set; }

    public DateTime AsOfDate { get; private set; }

    public bool InUse { get; set; }

    /// <summary>Whether any condition or value threw, even where another operand decided the outcome.</summary>
    public bool HasFaults { get; set; }

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

    public bool[] CollectionDone { get; }

    public Accumulator[] Accumulators { get; }

    public long[] Lower { get; }

    public long[] Upper { get; }

    public Tri[] ValueState { get; }

    public decimal[] Values { get; }

    public FaultInfo?[] ValueFaults { get; }

    public Tri[] Conditions { get; }

    public FaultInfo?[] ConditionFaults { get; }

    public SegmentState[] Memberships { get; }

    public FaultInfo?[] MembershipFaults { get; }

    public decimal[] Scores { get; }

    public FaultInfo?[] ScoreFaults { get; }

    public int[] GroupChoice { get; }

    public long[][] DayBuffers { get; }

    public int[] DayCounts { get; }

    public void Reset(TProfile profile, DateTimeOffset asOf)
    {
        Profile = profile;
        AsOf = asOf;
        AsOfTicks = asOf.UtcTicks;
        AsOfDate = asOf.UtcDateTime.Date;
        Array.Clear(CollectionDone);
        Array.Clear(ValueState);
        Array.Clear(Conditions);
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
}
