using Microsoft.Extensions.DependencyInjection.Extensions;
using NRules.RuleModel;
using Segmentation.Core.DependencyInjection;
using Segmentation.Core.Dsl;
using Segmentation.Core.Engine;
using Segmentation.NRules.Engine;

#pragma warning disable IDE0130 // Extension methods live in the DI namespace by Microsoft.Extensions convention.
namespace Microsoft.Extensions.DependencyInjection;
#pragma warning restore IDE0130

/// <summary>Chooses the NRules backend for a profile type in <c>AddSegmentation(...)</c>.</summary>
public static class NRulesSegmentationBuilderExtensions
{
    /// <summary>
    /// Makes <see cref="ISegmentEngine{TProfile}"/> the NRules-backed engine, compiled once on first use from every catalog
    /// registered for <typeparamref name="TProfile"/>, together with every <see cref="IRuleRepository"/> registered in
    /// the container (your own NRules rules, which fire in the same sessions) and any rule sets added in
    /// <paramref name="configure"/>. The engine is also registered as <see cref="NRulesSegmentEngine{TProfile}"/>; the
    /// native <see cref="SegmentEngine{TProfile}"/> stays available. Uses the same clock as the native engine: the
    /// <see cref="SegmentEngineOptions.TimeProvider"/> set with <c>ConfigureEngine</c>, else the container's
    /// <see cref="TimeProvider"/> when one is registered.
    /// </summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="builder">The segmentation builder.</param>
    /// <param name="configure">Adjusts the options (session strategy, more rule sets).</param>
    /// <returns>The builder.</returns>
    public static SegmentationBuilder UseNRules<TProfile>(this SegmentationBuilder builder, Action<NRulesEngineOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(sp =>
        {
            var catalogs = sp.GetServices<SegmentCatalog<TProfile>>().ToArray();
            if (catalogs.Length == 0)
            {
                throw new InvalidOperationException($"No segment catalog of {typeof(TProfile).Name} is registered.");
            }

            var definition = catalogs.Skip(1).Aggregate(catalogs[0].Definition, (all, next) => all.Merge(next.Definition));
            // The engine options' clock: the container's TimeProvider, unless ConfigureEngine set another, as for the native engine.
            var clock = sp.GetService<Microsoft.Extensions.Options.IOptions<SegmentEngineOptions>>()?.Value.TimeProvider ?? sp.GetService<TimeProvider>() ?? TimeProvider.System;
            var options = new NRulesEngineOptions { TimeProvider = clock };
            foreach (var ruleSet in sp.GetServices<IRuleRepository>().SelectMany(r => r.GetRuleSets()))
            {
                options.AdditionalRuleSets.Add(ruleSet);
            }

            configure?.Invoke(options);
            return NRulesSegmentEngine.Compile(definition, options);
        });
        builder.Services.Replace(ServiceDescriptor.Singleton<ISegmentEngine<TProfile>>(sp => sp.GetRequiredService<NRulesSegmentEngine<TProfile>>()));
        return builder;
    }
}
