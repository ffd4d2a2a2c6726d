namespace Segmentation.Core.Engine;

/// <summary>
/// When an engine's straight-line code is generated (<see cref="SegmentEngineOptions.CodeGeneration"/>). Results are
/// identical whichever tier evaluates a profile; only latency and throughput differ.
/// </summary>
public enum CodeGeneration
{
    /// <summary>
    /// The default: <c>Compile</c> returns as soon as the shared-node network is built, and the engine answers on it at
    /// once; the generated code is compiled on the process's code-generation threads (chunks in parallel, one thread per core) and swapped in chunk by chunk as it
    /// becomes ready, the way a JIT tiers up.
    /// </summary>
    Background,

    /// <summary>Every chunk is generated before <c>Compile</c> returns: deterministic latency from the first evaluation, at the price of a longer compile.</summary>
    BeforeReturn,

    /// <summary>No code is generated: the engine always runs on the shared-node network (as with <see cref="SegmentEngineOptions.PreferInterpretation"/>).</summary>
    Disabled,
}
