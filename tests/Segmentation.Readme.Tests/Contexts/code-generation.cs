// Context of the README fragment on tiered compilation (under "Performance"): a `catalog` (the quickstart's). The
// fragment is run, and the tiers it names are checked.
// include: quickstart
using Segmentation.Core.Engine;

var catalog = new RetailSegments();

// README fragment

ReadmeClaim.Check(fast && engine.RunsGeneratedCode, "CodeGenerated completes with true once every unit runs generated code");
ReadmeClaim.Check(eager.RunsGeneratedCode, "CodeGeneration.BeforeReturn returns with all code generated");
ReadmeClaim.Check(!network.RunsGeneratedCode, "CodeGeneration.Disabled stays on the network");
