using Microsoft.Extensions.DependencyInjection;
using NRules.Fluent;
using NRules.RuleModel;
using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.NRules.Engine;
using Segmentation.ReferenceWorkload;

namespace Segmentation.NRules.Tests.Batch;

/// <summary>With the NRules backend registered, the container's batch runner evaluates with it, on Core's pipeline.</summary>
public sealed class ContainerBatchTests
{
    private const int BrokenAt = 17;
    private static readonly DateTimeOffset AsOf = ReferenceWorkload.Workload.AsOf;

    [Fact]
    public async Task AddSegmentation_UseNRules_BatchRunnerEvaluatesWithNRules_AndAThrowingSessionFaultsOnlyItsProfile()
    {
        var repository = new RuleRepository();
        repository.Load(x => x.From(typeof(BrokenOfferRule)));
        var services = new ServiceCollection();
        services.AddSingleton<IRuleRepository>(repository);
        services.AddSegmentation(b => b.AddCatalog<WorkloadCatalog, Customer>().UseNRules<Customer>().ConfigureBatch(o => o.ChunkSize = 8));
        using var provider = services.BuildServiceProvider();
        var native = provider.GetRequiredService<SegmentEngine<Customer>>();
        var customers = WorkloadGenerator.Generate(60, seed: 3);
        customers[BrokenAt] = new Customer { Id = "broken" };

        var runner = provider.GetRequiredService<BatchRunner<Customer>>();
        var items = new List<BatchItem>();
        var summary = await runner.RunAsync(customers, AsOf, item =>
        {
            items.Add(item);
            return ValueTask.CompletedTask;
        });
        var listed = runner.Evaluate(customers, AsOf);

        provider.GetRequiredService<ISegmentEngine<Customer>>().Should().BeOfType<NRulesSegmentEngine<Customer>>();
        native.Evaluate(customers[BrokenAt], AsOf).HasFaults.Should().BeFalse("the native engine knows nothing of the user's NRules rule");
        items.Select(i => i.Index).Should().Equal(Enumerable.Range(0, 60).Select(i => (long)i));
        var broken = items[BrokenAt].Result;
        broken.ProfileId.Should().Be("broken");
        broken.Faults.Select(f => f.SegmentId).Should().BeEquivalentTo(native.MembershipIds.Concat(native.ScoreIds), "the whole NRules evaluation threw");
        broken.Faults.Should().OnlyContain(f => f.Exception.ToString().Contains(BrokenOfferRule.Failure));
        listed[BrokenAt].ToString().Should().Be(broken.ToString());
        summary.Faulted.Should().Be(1);
        for (var i = 0; i < customers.Length; i++)
        {
            if (i != BrokenAt)
            {
                items[i].Result.ToString().Should().Be(native.Evaluate(customers[i], AsOf).ToString(), "customer {0} is evaluated as ever", i);
                listed[i].ToString().Should().Be(items[i].Result.ToString());
            }
        }
    }
}
