using Microsoft.Extensions.DependencyInjection;
using NRules;
using NRules.Fluent;
using NRules.RuleModel;
using Segmentation.Core.Engine;
using Segmentation.NRules.Engine;
using Segmentation.NRules.Facts;
using Segmentation.ReferenceWorkload;

namespace Segmentation.NRules.Tests.UserRules;

public sealed class UserRuleTests
{
    private static readonly DateTimeOffset AsOf = ReferenceWorkload.Workload.AsOf;

    [Fact]
    public void UserRule_OverGeneratedProfiles_FiresExactlyWhenNativeSaysChurnRiskAndSpend()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(RetentionOfferRule)));
        var options = new NRulesEngineOptions();
        foreach (var set in repository.GetRuleSets())
        {
            options.AdditionalRuleSets.Add(set);
        }

        var engine = NRulesSegmentEngine.Compile(new WorkloadCatalog(), options);
        var native = SegmentEngine.Compile(new WorkloadCatalog());
        var customers = WorkloadGenerator.Generate(2_000, seed: 7);
        var fired = 0;
        foreach (var customer in customers)
        {
            var evaluation = engine.Run(customer, AsOf);
            var expected = native.Evaluate(customer, AsOf).IsIn("churn-risk") && customer.Orders.Sum(o => o.Amount) > 500m;
            evaluation.Query<RetentionOffer>().Should().BeEquivalentTo(expected ? [new RetentionOffer(customer.Id)] : Array.Empty<RetentionOffer>(), customer.Id);
            fired += expected ? 1 : 0;
        }

        fired.Should().BeGreaterThan(20, "the generated profiles include churn-risk customers who spent more than 500");
        fired.Should().BeLessThan(customers.Length);
    }

    [Fact]
    public void UserSession_OwnFactoryWithCatalogRules_MembershipFactsAndOffer()
    {
        var segments = NRulesSegmentRules<Customer>.From(new WorkloadCatalog());
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(RetentionOfferRule)));
        var factory = new RuleCompiler().Compile(segments.GetRuleSets().Concat(repository.GetRuleSets()));
        segments.Attach(factory.Events);
        var native = SegmentEngine.Compile(new WorkloadCatalog());
        var customer = WorkloadGenerator.Generate(2_000, seed: 7).First(c => native.Evaluate(c, AsOf).IsIn("churn-risk") && c.Orders.Sum(o => o.Amount) > 500m);

        var session = factory.CreateSession();
        segments.Insert(session, customer, AsOf);
        session.Fire();

        session.Query<SegmentMembership<Customer>>().Select(m => m.Id).Should().Contain("churn-risk");
        session.Query<RetentionOffer>().Should().ContainSingle().Which.CustomerId.Should().Be(customer.Id);
    }

    [Fact]
    public void AddSegmentation_UseNRules_OneCallWithUsersRepository()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(RetentionOfferRule)));
        var services = new ServiceCollection();
        services.AddSingleton<IRuleRepository>(repository);
        services.AddSegmentation(b => b.AddCatalog<WorkloadCatalog, Customer>().UseNRules<Customer>());
        using var provider = services.BuildServiceProvider();

        var engine = provider.GetRequiredService<ISegmentEngine<Customer>>();

        engine.Should().BeOfType<NRulesSegmentEngine<Customer>>();
        provider.GetRequiredService<SegmentEngine<Customer>>().Should().NotBeNull("the native engine stays available");
        var nrules = (NRulesSegmentEngine<Customer>)engine;
        nrules.SessionFactory.Should().NotBeNull();
        var customer = WorkloadGenerator.Generate(500, seed: 7).First(c => engine.Evaluate(c, AsOf).IsIn("churn-risk") && c.Orders.Sum(o => o.Amount) > 500m);
        nrules.Run(customer, AsOf).Query<RetentionOffer>().Should().ContainSingle();
    }
}
