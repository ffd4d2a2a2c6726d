namespace Segmentation.NRules.Engine;

/// <summary>How the NRules engine uses NRules sessions.</summary>
public enum SessionStrategy
{
    /// <summary>A new session per profile, dropped after reading its facts. The default: see the package README for the measurements.</summary>
    SessionPerProfile,

    /// <summary>
    /// Sessions kept in a pool and reused: after reading a profile's facts its profile and instant are retracted (linked
    /// facts go with them) and anything left is retracted.
    /// </summary>
    ReusedSession,
}
