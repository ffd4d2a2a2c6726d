namespace Segmentation.Core.Engine.Network;

internal sealed record NetworkShape(int Collections, int Accumulators, int Values, int Conditions, int Memberships, int Scores, int Groups, int DayBuffers, int ValueBuffers, int TextIndexes = 0);
