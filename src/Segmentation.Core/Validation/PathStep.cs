namespace Segmentation.Core.Validation;

/// <summary>
/// One step of a validation path: a property (<c>.conditions</c>), or an entry of a list, by the id given (one that
/// names the entry, see <see cref="EntryNames"/>) or else by position. A walk keeps its paths as chains of steps and only builds the text of the one where
/// it finds a problem, so a valid catalog builds no path text. A class, not a record: a record's generated members
/// would recurse the chain.
/// </summary>
internal sealed class PathStep(PathStep? parent, string? property, int index = -1, string? id = null)
{
    private readonly PathStep? parent = parent;
    private readonly string? property = property;
    private readonly int index = index;
    private readonly string? id = id;

    /// <summary>The path's text, as the validator names it (<c>segments[vip].conditions[0].threshold</c>).</summary>
    public string Path()
    {
        var parts = new List<string>();
        for (var step = this; step is not null; step = step.parent)
        {
            parts.Add(step.property ?? (step.id is null ? $"[{step.index}]" : $"[{step.id}]"));
        }

        parts.Reverse();
        return string.Concat(parts);
    }
}
