namespace Segmentation.Core.Engine.Network;

/// <summary>
/// The generated loops of one collection (see <see cref="FusedScanCompiler"/>): <see cref="Fast"/>, which leaves
/// (returning <see langword="false"/>, nothing written back) on a date that needs a time-zone conversion or a sum it
/// cannot add without a call, and the general loop, which handles everything. Most data never makes the fast loop leave,
/// so the general loop is generated the first time it is needed (once, a few milliseconds; concurrent callers wait for
/// that one generation), not with the fast one.
/// </summary>
internal sealed class FusedScan<TProfile>
{
    private readonly Lazy<Func<Frame<TProfile>, bool>>? general;

    /// <summary>Creates the loops of a collection; <paramref name="compileGeneral"/> is <see langword="null"/> when the fast loop never leaves.</summary>
    public FusedScan(Func<Frame<TProfile>, bool> fast, Func<Func<Frame<TProfile>, bool>>? compileGeneral)
    {
        Fast = fast;
        general = compileGeneral is null ? null : new(compileGeneral, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The loop without calls.</summary>
    public Func<Frame<TProfile>, bool> Fast { get; }

    /// <summary>Whether the fast loop is a method of <see cref="EmittedMethods"/>' assembly, which the runtime tiers up (tests).</summary>
    public bool IsTiered => EmittedMethods.Emitted(Fast);

    /// <summary>Why the fast loop was compiled as a dynamic method although non-collectible code was asked for, or <see langword="null"/>.</summary>
    public string? NotEmittedBecause => EmittedMethods.WhyNotEmitted(Fast);

    /// <summary>Whether the general loop has been generated (tests).</summary>
    public bool HasGeneral => general?.IsValueCreated == true;

    /// <summary>Runs the general loop after the fast one left, generating it on first use.</summary>
    public void RunGeneral(Frame<TProfile> frame) =>
        (general ?? throw new InvalidOperationException("The fast loop left although nothing can make it leave.")).Value(frame);

    /// <summary>Calls the fast loop with no frame: it returns at once, and the JIT has compiled it.</summary>
    public void Jit() => Fast(null!);
}
