using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Segmentation.Analytics.Experiments;

/// <summary>
/// Deterministic assignment of profiles to experiment variants, stable across processes, machines and .NET versions.
/// A profile's bucket is the first 8 bytes, read as a big-endian unsigned integer, of the SHA-256 of the UTF-8 string
/// <c>"{salt}:{profileId}"</c>, modulo 10,000 (basis points). Buckets below <see cref="HoldoutBasisPoints"/> go to the
/// holdout; the remaining buckets are split between the variants in order, in proportion to their weights.
/// </summary>
public sealed class Experiment
{
    /// <summary>The number of buckets: one per basis point.</summary>
    public const int BucketCount = 10_000;

    private readonly int[] upperBounds;

    /// <summary>Creates an experiment.</summary>
    /// <param name="salt">The experiment's salt, usually its id; a new salt reshuffles every profile.</param>
    /// <param name="variants">The variants in bucket order, each with a positive weight; names must be distinct.</param>
    /// <param name="holdoutBasisPoints">The share of profiles, in basis points (0..9,999), held out before the variants.</param>
    /// <param name="holdoutName">The name returned for held-out profiles; it must differ from every variant name.</param>
    /// <exception cref="ArgumentException">There is no variant, a weight is not positive, or a name is empty or repeated.</exception>
    public Experiment(string salt, IEnumerable<ExperimentVariant> variants, int holdoutBasisPoints = 0, string holdoutName = "holdout")
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentException.ThrowIfNullOrEmpty(holdoutName);
        ArgumentOutOfRangeException.ThrowIfNegative(holdoutBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(holdoutBasisPoints, BucketCount);
        Salt = salt;
        Variants = [.. variants];
        HoldoutBasisPoints = holdoutBasisPoints;
        HoldoutName = holdoutName;
        ExperimentValidation.Validate(Variants, holdoutName);
        upperBounds = UpperBounds(Variants, holdoutBasisPoints);
    }

    /// <summary>Gets the experiment's salt.</summary>
    public string Salt { get; }

    /// <summary>Gets the variants, in bucket order.</summary>
    public ImmutableArray<ExperimentVariant> Variants { get; }

    /// <summary>Gets the holdout share in basis points: buckets <c>[0, HoldoutBasisPoints)</c> are held out.</summary>
    public int HoldoutBasisPoints { get; }

    /// <summary>Gets the name returned for held-out profiles.</summary>
    public string HoldoutName { get; }

    /// <summary>Computes the bucket of a profile: SHA-256 of UTF-8 <c>"{salt}:{profileId}"</c>, first 8 bytes big-endian, mod 10,000.</summary>
    /// <param name="salt">The experiment's salt.</param>
    /// <param name="profileId">The profile id.</param>
    /// <returns>The bucket, from 0 to 9,999.</returns>
    public static int Bucket(string salt, string profileId)
    {
        ArgumentNullException.ThrowIfNull(salt);
        ArgumentNullException.ThrowIfNull(profileId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{salt}:{profileId}")));
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % BucketCount);
    }

    /// <summary>Assigns a profile to the holdout or a variant.</summary>
    /// <param name="profileId">The profile id.</param>
    /// <returns><see cref="HoldoutName"/> or the name of the profile's variant; always the same for the same salt and id.</returns>
    public string Assign(string profileId) => VariantOfBucket(Bucket(Salt, profileId));

    /// <summary>Gets the holdout or variant name that owns a bucket.</summary>
    /// <param name="bucket">The bucket, from 0 to 9,999.</param>
    /// <returns><see cref="HoldoutName"/> or a variant name.</returns>
    public string VariantOfBucket(int bucket)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bucket);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(bucket, BucketCount);
        if (bucket < HoldoutBasisPoints)
            return HoldoutName;

        var index = 0;
        while (bucket >= upperBounds[index])
            index++;
        return Variants[index].Name;
    }

    private static int[] UpperBounds(ImmutableArray<ExperimentVariant> variants, int holdout)
    {
        var total = variants.Sum(v => (long)v.Weight);
        var bounds = new int[variants.Length];
        long cumulative = 0;
        for (var i = 0; i < variants.Length; i++)
        {
            cumulative += variants[i].Weight;
            bounds[i] = holdout + (int)(cumulative * (BucketCount - holdout) / total);
        }

        return bounds;
    }
}
