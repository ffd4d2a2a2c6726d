using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Segmentation.NRules.Facts;

/// <summary>
/// The evaluation-instant fact: insert one per session (with the profiles) so the catalog's rules know the as-of instant.
/// It also keeps the exceptions NRules reported through its condition-failure events, so faulted memberships can say
/// which condition threw and why.
/// </summary>
public sealed class EvaluationInstant
{
    private readonly ConcurrentDictionary<(object Profile, int Condition), Exception> faults = new(FaultKeyComparer.Instance);

    /// <summary>Creates the fact.</summary>
    /// <param name="asOf">The as-of instant.</param>
    public EvaluationInstant(DateTimeOffset asOf) => AsOf = asOf;

    /// <summary>The as-of instant: facts dated after it are invisible to every aggregate.</summary>
    public DateTimeOffset AsOf { get; }

    /// <summary>Formats the fact for logs.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"as of {AsOf:O}";

    internal void RecordFault(object profile, int condition, Exception exception) => faults.TryAdd((profile, condition), exception);

    internal Exception? FaultOf(object profile, int condition) => faults.TryGetValue((profile, condition), out var exception) ? exception : null;

    private sealed class FaultKeyComparer : IEqualityComparer<(object Profile, int Condition)>
    {
        public static readonly FaultKeyComparer Instance = new();

        public bool Equals((object Profile, int Condition) x, (object Profile, int Condition) y) =>
            ReferenceEquals(x.Profile, y.Profile) && x.Condition == y.Condition;

        public int GetHashCode((object Profile, int Condition) obj) => HashCode.Combine(RuntimeHelpers.GetHashCode(obj.Profile), obj.Condition);
    }
}
