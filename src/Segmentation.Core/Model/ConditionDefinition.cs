namespace Segmentation.Core.Model;

/// <summary>A condition of a segment, group member or score term: the left-hand side of a rule.</summary>
public abstract class ConditionDefinition
{
    private protected ConditionDefinition()
    {
    }

    /// <summary>Describes the condition in readable text, as shown in explanations and faults.</summary>
    /// <returns>The description.</returns>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();
}
