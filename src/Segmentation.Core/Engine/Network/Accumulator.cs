namespace Segmentation.Core.Engine.Network;

internal struct Accumulator
{
    public long Count;
    public decimal Sum;
    public decimal Min;
    public decimal Max;
    public long FirstTicks;
    public long LastTicks;
    public int DistinctDays;
    public Exception? Fault;

    public void Reset()
    {
        Count = 0;
        Sum = 0m;
        Min = decimal.MaxValue;
        Max = decimal.MinValue;
        FirstTicks = long.MaxValue;
        LastTicks = long.MinValue;
        DistinctDays = 0;
        Fault = null;
    }

    public void Add(long ticks)
    {
        Count++;
        if (ticks < FirstTicks)
        {
            FirstTicks = ticks;
        }

        if (ticks > LastTicks)
        {
            LastTicks = ticks;
        }
    }

    public void Add(long ticks, decimal value)
    {
        Add(ticks);
        Sum += value;
        if (value < Min)
        {
            Min = value;
        }

        if (value > Max)
        {
            Max = value;
        }
    }
}
