namespace Segmentation.Core.Batch;

/// <summary>Consecutive input positions of a batch: from <see cref="Start"/> up to, not including, <see cref="End"/>.</summary>
/// <param name="Start">The first zero-based input position.</param>
/// <param name="End">
/// The position after the last one; <see langword="null"/> when the range runs to the end of an input that was not read
/// to its end (its length is unknown).
/// </param>
public readonly record struct BatchRange(long Start, long? End)
{
    /// <inheritdoc/>
    public override string ToString() => End is { } end ? $"[{Start}, {end})" : $"[{Start}, end of input)";
}
