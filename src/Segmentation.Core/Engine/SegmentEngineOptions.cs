using System.Runtime.CompilerServices;

namespace Segmentation.Core.Engine;

/// <summary>Options for compiling a <see cref="SegmentEngine{TProfile}"/>.</summary>
public sealed class SegmentEngineOptions
{
    /// <summary>The clock used when no as-of instant is passed. The default value is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Whether to interpret expression trees instead of compiling them to IL. The default value is <see langword="true"/>
    /// only where dynamic code cannot be compiled (NativeAOT); results are the same either way.
    /// </summary>
    public bool PreferInterpretation { get; set; } = !RuntimeFeature.IsDynamicCodeCompiled;
}
