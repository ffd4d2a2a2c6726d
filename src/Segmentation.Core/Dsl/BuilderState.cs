namespace Segmentation.Core.Dsl;

internal sealed class BuilderState
{
    public bool IsBuilt { get; private set; }

    public void EnsureOpen()
    {
        if (IsBuilt)
        {
            throw new InvalidOperationException("This catalog builder has already been built; define segments inside Define or a new builder.");
        }
    }

    public void Freeze() => IsBuilt = true;
}
