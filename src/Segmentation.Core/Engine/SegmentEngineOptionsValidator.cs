using FluentValidation;

namespace Segmentation.Core.Engine;

/// <summary>The rules of <see cref="SegmentEngineOptions"/>, checked by <c>Compile</c>; every problem is reported at once.</summary>
internal sealed class SegmentEngineOptionsValidator : AbstractValidator<SegmentEngineOptions>
{
    public static readonly SegmentEngineOptionsValidator Instance = new();

    private SegmentEngineOptionsValidator()
    {
        RuleFor(o => o.TimeProvider).NotNull().WithMessage("TimeProvider must not be null");
        RuleFor(o => o.CodeGenerationBudget).Must(b => b >= TimeSpan.Zero || b == Timeout.InfiniteTimeSpan)
            .WithMessage("CodeGenerationBudget must be zero or more, or Timeout.InfiniteTimeSpan for no limit (was {PropertyValue})");
        RuleFor(o => o.CodeLifetime).IsInEnum().WithMessage("CodeLifetime must be Automatic, Collectible or Process (was {PropertyValue})");
        RuleFor(o => o.PromoteAfterEvaluations).GreaterThan(0).WithMessage("PromoteAfterEvaluations must be at least 1 (was {PropertyValue})");
    }

    /// <summary>Throws an <see cref="ArgumentException"/> listing every invalid option.</summary>
    public static void ThrowIfInvalid(SegmentEngineOptions options, string parameterName)
    {
        var result = Instance.Validate(options);
        if (!result.IsValid)
        {
            throw new ArgumentException("Invalid engine options: " + string.Join("; ", result.Errors.Select(e => e.ErrorMessage)) + ".", parameterName);
        }
    }
}
