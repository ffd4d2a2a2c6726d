namespace Segmentation.Core.Engine.Network;

internal enum Tri : byte
{
    Unknown = 0,
    True = 1,
    False = 2,
    Fault = 3,
}
