// Types shared by main.bicep and the modules.

@export()
@description('Resource tags.')
type Tags = {
  *: string
}

@export()
@description('App settings: name to value.')
type AppSettings = {
  *: string
}

@export()
@description('Always-ready instances of one Flex Consumption scale group: http, durable, blob or function:<name>.')
type AlwaysReadyGroup = {
  name: string
  @minValue(0)
  instanceCount: int
}
