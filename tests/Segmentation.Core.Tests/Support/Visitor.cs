namespace Segmentation.Core.Tests.Support;

/// <summary>
/// A profile whose lambdas use lifted operators (nullable left operands) with right operands that can throw: the
/// edge where compiled code must still evaluate the right operand, as C# does.
/// </summary>
public sealed class Visitor
{
    public string Id { get; init; } = "v1";

    public DateTimeOffset? LastSeen { get; init; }

    public decimal? Credit { get; init; }

    public decimal Divisor { get; init; } = 1m;

    public DateTime? Anchor { get; init; }

    public double ShiftDays { get; init; }

    public List<Shipment> Shipments { get; init; } = [];
}

/// <summary>A dated fact with an optional shipping date and refund.</summary>
public sealed record Shipment(DateTime At, DateTime? ShippedAt, DateTime Placed, decimal? Refund = null, decimal Divisor = 1m);
