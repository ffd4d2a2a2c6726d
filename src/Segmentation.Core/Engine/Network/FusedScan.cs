namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The generated loops of one collection (see <see cref="FusedScanCompiler"/>): <see cref="Fast"/>, which leaves
/// (returning <see langword="false"/>, nothing written back) on a date that needs a time-zone conversion, and
/// <see cref="General"/>, which converts; <see langword="null"/> when the dates never need one.
/// </summary>
internal sealed class FusedScan<TProfile>(Func<Frame<TProfile>, bool> fast, Func<Frame<TProfile>, bool>? general)
{
    /// <summary>The loop without conversions.</summary>
    public Func<Frame<TProfile>, bool> Fast { get; } = fast;

    /// <summary>The loop that converts local-kind dates.</summary>
    public Func<Frame<TProfile>, bool>? General { get; } = general;

    /// <summary>Calls both loops with no frame: each returns at once, and the JIT has compiled it.</summary>
    public void Jit()
    {
        Fast(null!);
        General?.Invoke(null!);
    }
}
