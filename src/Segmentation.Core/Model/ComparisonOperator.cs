namespace Segmentation.Core.Model;

/// <summary>How a computed value is compared with a threshold.</summary>
public enum ComparisonOperator
{
    /// <summary>The value is greater than or equal to the threshold.</summary>
    AtLeast,

    /// <summary>The value is less than or equal to the threshold.</summary>
    AtMost,

    /// <summary>The value is strictly greater than the threshold.</summary>
    GreaterThan,

    /// <summary>The value is strictly less than the threshold.</summary>
    LessThan,

    /// <summary>The value equals the threshold.</summary>
    EqualTo,

    /// <summary>The value differs from the threshold.</summary>
    NotEqualTo,

    /// <summary>The value lies between the threshold and the upper bound, both inclusive.</summary>
    Between,
}
