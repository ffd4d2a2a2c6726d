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
    public long FirstDay;
    public decimal FirstDaySum;
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
        FirstDay = long.MaxValue;
        FirstDaySum = 0m;
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

    public void AddFirstDay(long ticks, decimal value)
    {
        var day = ticks / TimeSpan.TicksPerDay;
        if (day < FirstDay)
        {
            FirstDay = day;
            FirstDaySum = value;
        }
        else if (day == FirstDay)
        {
            FirstDaySum += value;
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
