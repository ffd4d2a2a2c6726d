namespace Segmentation.Core.Tests.Properties;

/// <summary>A small profile type for the property tests: nullable fields, a list, and a collection that may be an array or a lazy sequence.</summary>
public sealed class PropProfile
{
    public string Id { get; init; } = "p";

    public DateTime BirthDate { get; init; }

    public DateTime? SignupDate { get; init; }

    public DateTimeOffset LastLogin { get; init; }

    public string? Country { get; init; }

    public int? Nps { get; init; }

    public List<PropOrder>? Orders { get; init; }

    public IEnumerable<PropEvent> Events { get; init; } = [];

    public override string ToString() =>
        $"{Id} born {BirthDate:yyyy-MM-dd} signup {SignupDate:yyyy-MM-dd} login {LastLogin:O} country {Country ?? "null"} nps {Nps?.ToString() ?? "null"}"
        + $"{Environment.NewLine}  orders: {(Orders is null ? "null" : string.Join("; ", Orders))}"
        + $"{Environment.NewLine}  events ({Events.GetType().Name}): {string.Join("; ", Events)}";
}

/// <summary>An order of a <see cref="PropProfile"/>.</summary>
public sealed record PropOrder(DateTime At, decimal Amount, string? Category)
{
    public override string ToString() => $"{At:O} {Amount} {Category ?? "null"}";
}

/// <summary>An event of a <see cref="PropProfile"/>, dated with an offset.</summary>
public sealed record PropEvent(DateTimeOffset At, string? Type)
{
    public override string ToString() => $"{At:O} {Type ?? "null"}";
}
