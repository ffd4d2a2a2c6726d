namespace Segmentation.Core.Tests.Batch;

/// <summary>
/// Runs the batch behaviour tests on their own: their cancellation tests block and spin thread-pool threads on
/// purpose, and time out when test classes running beside them starve the pool on a 2-core machine.
/// </summary>
[CollectionDefinition(BatchBehaviourTests.Serial, DisableParallelization = true)]
public sealed class BatchBehaviourCollection
{
}
