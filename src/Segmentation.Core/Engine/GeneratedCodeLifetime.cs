namespace Segmentation.Core.Engine;

/// <summary>
/// How long an engine's generated code lives, and so which kind of code the runtime makes of it
/// (<see cref="SegmentEngineOptions.CodeLifetime"/>). Results are identical whichever is chosen; only speed and memory differ.
/// </summary>
public enum GeneratedCodeLifetime
{
    /// <summary>
    /// The default: the code starts as dynamic methods, freed with the engine. An engine that proves long-lived and busy
    /// (<see cref="SegmentEngineOptions.PromoteAfterEvaluations"/> evaluations on one thread) and whose catalog is small
    /// enough to be emitted whole (the reference workload up to about 150 segments) then has its code generated again,
    /// in the background, as methods the runtime tiers up like your own code (<see cref="Process"/>), and switches to
    /// them without a pause. That code is never unloaded, so at most eight engines of a process are promoted; later ones
    /// keep their dynamic methods (logged once each).
    /// </summary>
    Automatic,

    /// <summary>
    /// The code is always made of dynamic methods, which the runtime compiles once, fully optimized but without profile
    /// data, and frees with the engine: for engines compiled again and again (one per request, per tenant or per
    /// catalog edit) that must never leave code behind.
    /// </summary>
    Collectible,

    /// <summary>
    /// The code is emitted from the start into a dynamic assembly that lives as long as the process: each collection's
    /// loop, and the units of a catalog small enough to make at most four chunks, become methods the runtime tiers up
    /// (they start unoptimized and are recompiled with dynamic profile-guided optimization once hot, inlining the library
    /// calls your conditions make). That code, and the objects it references, stay in memory until the process ends: for
    /// the engines an application compiles once, at start-up.
    /// </summary>
    Process,
}
