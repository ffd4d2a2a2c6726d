namespace Segmentation.Core.Engine.Network;

/// <summary>
/// How many more engines may have their code promoted to methods that are never unloaded (see
/// <see cref="GeneratedCodeLifetime.Automatic"/>): what bounds the memory automatic promotion can leave behind.
/// </summary>
internal sealed class CodePromotionBudget(int engines)
{
    /// <summary>The most engines of a process whose code is promoted.</summary>
    public const int ProcessEngines = 8;

    private int left = engines;

    /// <summary>The process's budget, shared by every engine that does not bring its own (tests do).</summary>
    public static CodePromotionBudget Process { get; } = new(ProcessEngines);

    /// <summary>The engines this budget allowed at first.</summary>
    public int Engines { get; } = engines;

    /// <summary>How many more engines may be promoted.</summary>
    public int Left => Volatile.Read(ref left);

    /// <summary>Takes one engine's share; false when none is left.</summary>
    public bool TryTake()
    {
        var seen = Volatile.Read(ref left);
        while (seen > 0)
        {
            var was = Interlocked.CompareExchange(ref left, seen - 1, seen);
            if (was == seen)
            {
                return true;
            }

            seen = was;
        }

        return false;
    }

    /// <summary>Gives back a share taken by an engine that kept no code (the emitter declined all of it).</summary>
    public void Return() => Interlocked.Increment(ref left);
}
