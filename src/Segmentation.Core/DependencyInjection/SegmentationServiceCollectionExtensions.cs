using Segmentation.Core.DependencyInjection;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace by Microsoft.Extensions convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Registers Segmentation.Core in a service collection.</summary>
public static class SegmentationServiceCollectionExtensions
{
    /// <summary>Adds segmentation services; register catalogs with the callback. Uses <c>TryAdd</c> semantics throughout.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Registers catalogs.</param>
    /// <returns>The builder, to register more catalogs.</returns>
    public static SegmentationBuilder AddSegmentation(this IServiceCollection services, Action<SegmentationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new SegmentationBuilder(services);
        configure?.Invoke(builder);
        return builder;
    }
}
