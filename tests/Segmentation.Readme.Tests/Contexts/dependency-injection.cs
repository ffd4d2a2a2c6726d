// Context of the README fragment under "Dependency injection": registrations on a `services` collection, over the
// quickstart's Customer and RetailSegments. The fragment is run (twice, to check that registering again adds nothing)
// and what it promises is checked from the container.
// include: quickstart
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Segmentation.Core.Batch;
using Segmentation.Core.Engine;
using Segmentation.Core.Tracking;

var services = new ServiceCollection();
Register(services);
var engines = services.Count(d => d.ServiceType == typeof(SegmentEngine<Customer>));
Register(services);
ReadmeClaim.Check(services.Count(d => d.ServiceType == typeof(SegmentEngine<Customer>)) == engines, "registering twice adds nothing");

using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
var engine = provider.GetRequiredService<ISegmentEngine<Customer>>();
ReadmeClaim.Check(ReferenceEquals(engine, provider.GetRequiredService<SegmentEngine<Customer>>()), "one compiled singleton per profile type");
ReadmeClaim.Check(engine.RuleSet.Rules.Any(r => r.Id == "vip-at-risk"), "the engine is built from the registered catalog");
ReadmeClaim.Check(!provider.GetRequiredService<IOptions<SegmentEngineOptions>>().Value.PreferInterpretation, "ConfigureEngine");
ReadmeClaim.Check(provider.GetRequiredService<IOptions<BatchOptions>>().Value.MaxDegreeOfParallelism == 4, "ConfigureBatch");
ReadmeClaim.Check(!provider.GetRequiredService<IOptions<MembershipTrackerOptions>>().Value.IncludeExplanations, "ConfigureTracking");
ReadmeClaim.Check(provider.GetRequiredService<BatchRunner<Customer>>() is not null, "BatchRunner<Customer> is resolved");
ReadmeClaim.Check(provider.GetRequiredService<MembershipTracker<Customer>>() is not null, "MembershipTracker<Customer> is resolved");

static void Register(IServiceCollection services)
{
    // README fragment
}
