using Segmentation.Core.Dsl;
using Segmentation.Core.Model;
using Segmentation.Core.Rules;

namespace Segmentation.NRules.Engine;

/// <summary>Compiles catalogs into engines that evaluate with NRules.</summary>
public static class NRulesSegmentEngine
{
    /// <summary>Validates a catalog, translates it to NRules rules and compiles them.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="catalog">The catalog.</param>
    /// <param name="options">Options.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="Core.Validation.CatalogDefinitionException">The catalog is invalid (the native engine's validation and messages).</exception>
    /// <exception cref="NRulesCompilationException">NRules could not compile a rule; the exception names the catalog's rule id.</exception>
    public static NRulesSegmentEngine<TProfile> Compile<TProfile>(SegmentCatalog<TProfile> catalog, NRulesEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return Compile(catalog.Definition, options);
    }

    /// <summary>Validates catalog definitions, translates them to NRules rules and compiles them.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="definition">The definitions.</param>
    /// <param name="options">Options.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="Core.Validation.CatalogDefinitionException">The catalog is invalid (the native engine's validation and messages).</exception>
    /// <exception cref="NRulesCompilationException">NRules could not compile a rule; the exception names the catalog's rule id.</exception>
    public static NRulesSegmentEngine<TProfile> Compile<TProfile>(CatalogDefinition<TProfile> definition, NRulesEngineOptions? options = null) =>
        Compile(RuleSet<TProfile>.From(definition), options);

    /// <summary>Translates a validated rule set to NRules rules and compiles them.</summary>
    /// <typeparam name="TProfile">The profile type.</typeparam>
    /// <param name="ruleSet">The rule set.</param>
    /// <param name="options">Options.</param>
    /// <returns>The engine.</returns>
    /// <exception cref="NRulesCompilationException">NRules could not compile a rule; the exception names the catalog's rule id.</exception>
    public static NRulesSegmentEngine<TProfile> Compile<TProfile>(RuleSet<TProfile> ruleSet, NRulesEngineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        options ??= new NRulesEngineOptions();
        var rules = NRulesSegmentRules<TProfile>.From(ruleSet);
        return new NRulesSegmentEngine<TProfile>(rules, rules.Compile(options.AdditionalRuleSets), options);
    }
}
