using PepFunctions.Benchmarks;

return await BenchmarkCommand.RunAsync(args);
