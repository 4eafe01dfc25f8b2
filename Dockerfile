# CoopGraph API with its explorer. Build: docker build -t coopgraph .   Run: docker compose up

# The explorer and GraphiQL pages (Vite), built with Node; the .NET stage below takes the result as it is.
FROM node:20-bookworm-slim AS client
WORKDIR /client
COPY src/Api/ClientApp/package.json src/Api/ClientApp/package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY src/Api/ClientApp/ ./
RUN npm run build

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig CoopGraph.sln ./
COPY src/Domain/CoopGraph.Domain.csproj src/Domain/
COPY src/Graph/CoopGraph.Graph.csproj src/Graph/
COPY src/Api/CoopGraph.Api.csproj src/Api/
RUN dotnet restore src/Api/CoopGraph.Api.csproj
COPY src/ src/
COPY --from=client /client/dist src/Api/ClientApp/dist
RUN dotnet publish src/Api/CoopGraph.Api.csproj -c Release -o /app --no-restore -p:SkipClientAppBuild=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app .
# Run alone, the image uses the embedded store on a volume, so that the graph survives restarts; docker-compose.yml
# runs it on Neo4j instead (Graph__Provider=Neo4j). Either way it serves on 8080 as the image's non-root user.
ENV Graph__Embedded__Path=/data/coopgraph.db \
    ASPNETCORE_URLS=http://+:8080
RUN mkdir -p /data && chown "$APP_UID" /data
VOLUME /data
EXPOSE 8080
USER $APP_UID
ENTRYPOINT ["dotnet", "CoopGraph.Api.dll"]
