using FluentValidation;

namespace Segmentation.Core.Batch;

/// <summary>The rules of <see cref="BatchOptions"/>; every problem is reported at once.</summary>
internal sealed class BatchOptionsValidator : AbstractValidator<BatchOptions>
{
    /// <summary>The most workers a batch may ask for (each is a thread-pool task).</summary>
    public const int MaxParallelism = 1024;

    public static readonly BatchOptionsValidator Instance = new();

    private BatchOptionsValidator()
    {
        RuleFor(o => o.MaxDegreeOfParallelism).InclusiveBetween(1, MaxParallelism)
            .WithMessage($"MaxDegreeOfParallelism must be between 1 and {MaxParallelism} (was {{PropertyValue}})");
        RuleFor(o => o.ChunkSize).GreaterThanOrEqualTo(1).When(o => o.ChunkSize is not null)
            .WithMessage("ChunkSize must be at least 1 or null for automatic (was {PropertyValue})");
        RuleFor(o => o.MaxChunksInFlight).GreaterThanOrEqualTo(1).When(o => o.MaxChunksInFlight is not null)
            .WithMessage("MaxChunksInFlight must be at least 1 or null for twice the parallelism (was {PropertyValue})");
        RuleFor(o => o.CancellationGracePeriod).Must(p => p >= TimeSpan.Zero || p == Timeout.InfiniteTimeSpan)
            .WithMessage("CancellationGracePeriod must be zero or more, or Timeout.InfiniteTimeSpan (was {PropertyValue})");
        RuleFor(o => o.TimeProvider).NotNull().WithMessage("TimeProvider must not be null");
    }

    /// <summary>Validates options (the defaults when <see langword="null"/>) and returns a copy that later edits cannot change.</summary>
    public static BatchOptions Checked(BatchOptions? options, string parameterName)
    {
        if (options is null)
        {
            return new BatchOptions();
        }

        ThrowIfInvalid(options, parameterName);
        return new BatchOptions
        {
            MaxDegreeOfParallelism = options.MaxDegreeOfParallelism,
            ChunkSize = options.ChunkSize,
            MaxChunksInFlight = options.MaxChunksInFlight,
            Ordered = options.Ordered,
            FailFast = options.FailFast,
            CancellationGracePeriod = options.CancellationGracePeriod,
            TimeProvider = options.TimeProvider,
        };
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every invalid option.</summary>
    public static void ThrowIfInvalid(BatchOptions options, string parameterName)
    {
        var result = Instance.Validate(options);
        if (!result.IsValid)
        {
            throw new ArgumentException("Invalid batch options: " + string.Join("; ", result.Errors.Select(e => e.ErrorMessage)) + ".", parameterName);
        }
    }
}
