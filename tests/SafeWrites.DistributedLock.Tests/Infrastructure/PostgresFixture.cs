using System;
using Xunit;

namespace SafeWrites.DistributedLock.Tests.Infrastructure;

/// <summary>One PostgreSQL server for the tests of a collection; its tests are skipped, with the reason, if it cannot start.</summary>
public sealed class PostgresFixture : IDisposable
{
    private readonly PostgresServer? _server;
    private readonly string? _skipReason;

    public PostgresFixture()
    {
        (_server, _skipReason) = StartOrReason();
    }

    internal PostgresServer Server
    {
        get
        {
            Skip.If(_server is null, _skipReason);
            return _server!;
        }
    }

    /// <summary>A server of the test's own (for tests that stop it); skips the test if it cannot start.</summary>
    internal static PostgresServer StartOwn()
    {
        var (server, reason) = StartOrReason();
        Skip.If(server is null, reason);
        return server!;
    }

    public void Dispose() => _server?.Dispose();

    private static (PostgresServer? Server, string? Reason) StartOrReason()
    {
        try
        {
            return (PostgresServer.Start(), null);
        }
        catch (PostgresUnavailableException ex)
        {
            return (null, "PostgreSQL test server could not start: " + ex.Message);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "PostgreSQL";
}
