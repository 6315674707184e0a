// Placeholder until the host-inspection CLI lands.
process.stdout.write('virtlab: no commands yet\n')
