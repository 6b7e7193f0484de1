using Microsoft.Azure.Functions.Worker.Builder;
using PepFunctions.App.Hosting;

// The function app: the Functions host (`func start`, Azure) or the local runner (src/LocalRunner) runs it.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddPepFunctions();
builder.Build().Run();
